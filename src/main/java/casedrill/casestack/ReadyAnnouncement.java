package casedrill.casestack;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints the one line the harness and people wait for, with the time since the JVM started:
 * {@code casedrill node app-dc1-a ready on 127.0.1.21:8080 in 4.2 s}.
 */
@Component
class ReadyAnnouncement implements ApplicationListener<ApplicationReadyEvent> {
    private final PrintStream out = System.out;

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        double seconds = Duration.between(jvmStart, Instant.now()).toMillis() / 1000.0;
        out.println(String.format(Locale.ROOT, "casedrill node %s ready on %s:%s in %.1f s",
                env.getProperty("casedrill.node.name"), env.getProperty("server.address"),
                env.getProperty("local.server.port"), seconds));
        out.flush();
    }
}
