package casedrill.stack.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for nodes that run from the casedrill jar: small heaps and a quick-start JIT, as two cores are shared. */
final class JavaNodes {
    private JavaNodes() {
    }

    static List<String> command(Path jar, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }
}
