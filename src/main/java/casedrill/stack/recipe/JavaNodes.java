package casedrill.stack.recipe;

import casedrill.stack.StackOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

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
                    "-cp", absolute(options.classpath()), "casedrill.cli.Main"));
        } else {
            command.addAll(launchFromJar(options.jar()));
        }
        command.addAll(List.of(args));
        return command;
    }

    /** Nodes run in their own folders: relative class path entries would point nowhere there. */
    static String absolute(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(e -> !e.isBlank())
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * The extracted jar with its AppCDS archive when they were built for this jar (about four
     * times less start-up CPU for an app node, see BENCHMARKS.md), else the jar itself.
     */
    private static List<String> launchFromJar(Path jar) {
        Path dir = jar.toAbsolutePath().getParent().resolve("casestack");
        Path extracted = dir.resolve("casedrill.jar");
        Path archive = dir.resolve("casedrill.jsa");
        try {
            if (Files.isRegularFile(extracted) && Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
                return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                        "-jar", extracted.toString());
            }
        } catch (IOException e) {
            // Unreadable archive: start from the jar, only slower.
        }
        return List.of("-jar", jar.toAbsolutePath().toString());
    }
}
