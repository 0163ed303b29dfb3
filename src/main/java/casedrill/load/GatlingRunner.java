package casedrill.load;

import io.gatling.app.Gatling$;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;

/**
 * Runs one Gatling simulation in this JVM on its own thread. Gatling's exit codes: 0 ok, 1 bad arguments,
 * 2 assertions failed. Never calls {@code Gatling.main}, which would exit the JVM.
 *
 * <p>What Gatling prints (its start and end lines, the "Global Information" summary, assertion results) goes to
 * {@value #CONSOLE_LOG} in the results folder, not to the drill's terminal: Gatling prints through Scala's
 * {@code Console.out}, which is bound for the Gatling thread and the threads it starts, so other threads' output and
 * System.out stay as they are. Its periodic console writer is off in gatling.conf ({@code writers = [file]}).
 */
public final class GatlingRunner {
    static final String CONSOLE_LOG = "console.log";

    private GatlingRunner() {}

    /**
     * @param htmlReport false to skip Gatling's HTML report (its simulation.log stays in the run folder)
     */
    public static CompletableFuture<Integer> start(Class<?> simulation, LoadParameters parameters, Path resultsDir,
                                                   String description, boolean htmlReport) {
        quietGatlingLogging();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            int code = -1;
            Throwable error = null;
            LoadParameters.install(parameters);
            LoadStop.reset();
            try (PrintStream console = consoleLog(resultsDir)) {
                List<String> args = new ArrayList<>(List.of("-s", simulation.getName(),
                        "-rf", resultsDir.toAbsolutePath().toString(), "-rd", description));
                if (!htmlReport) {
                    args.add("-nr");
                }
                code = scala.Console.withOut(console, () -> Gatling$.MODULE$.fromArgs(args.toArray(String[]::new)));
            } catch (Throwable t) {
                error = t;
            } finally {
                // Cleared before the caller learns the run ended, so it can never erase the next run's parameters.
                LoadParameters.uninstall(parameters);
            }
            if (error == null) {
                exit.complete(code);
            } else {
                exit.completeExceptionally(error);
            }
        }, "gatling-" + simulation.getSimpleName());
        thread.setDaemon(true);
        thread.start();
        return exit;
    }

    private static PrintStream consoleLog(Path resultsDir) throws IOException {
        Files.createDirectories(resultsDir);
        return new PrintStream(new FileOutputStream(resultsDir.resolve(CONSOLE_LOG).toFile(), true), true, StandardCharsets.UTF_8);
    }

    /**
     * Logback's default level logs every request; this keeps Gatling and Netty at WARN without a logback.xml on
     * the classpath (which Spring Boot in {@code node app} would pick up as its own configuration).
     */
    static void quietGatlingLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            for (String name : List.of("io.gatling", "io.netty", "org.asynchttpclient")) {
                context.getLogger(name).setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }
}
