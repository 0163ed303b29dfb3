package casedrill.stack.local;

import casedrill.stack.StackOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for nodes that run from the casedrill jar: small heaps and a quick-start JIT, as two cores are shared. */
final class JavaNodes {
    private JavaNodes() {
    }

    static List<String> command(StackOptions options, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
        if (options.classpath() != null) {
            // The jar's manifest carries these opens; a plain class path needs them spelled out.
            command.addAll(List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                    "-cp", options.classpath(), "casedrill.cli.Main"));
        } else {
            command.addAll(List.of("-jar", options.jar().toString()));
        }
        command.addAll(List.of(args));
        return command;
    }
}
