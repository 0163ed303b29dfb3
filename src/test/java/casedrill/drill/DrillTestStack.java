package casedrill.drill;

import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.stack.local.AddressShift;
import casedrill.stack.local.LocalStack;
import casedrill.topology.DbVariant;
import casedrill.topology.TopologyLoader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.core.ThrowingRunnable;

/** The full two-DC stack the drill tests attach their drills to, started from the test class path at its own address shift. */
final class DrillTestStack {
    private DrillTestStack() {}

    /**
     * Starts the stack and warms it through its edge, as an operator's stack is warm when they attach a drill to it: the
     * harness never warms an attached stack, and a cold one fails its first seconds of load (CI once lost 2 % of a
     * whole attached drill's requests that way, in a drill whose fault fails nothing).
     */
    static LocalStack up(int addressShift, DbVariant variant) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        LocalStack stack = LocalStack.up(AddressShift.shifted(StackLayout.of(TopologyLoader.load(Path.of("scenarios/topology/two-dc.yaml"))), addressShift),
                StackOptions.defaults().withClasspath(classpath).withVariant(variant));
        StackWarmup.Outcome warmed = StackWarmup.throughTheEdge(stack, Duration.ofSeconds(2), "test-warmup", () -> false);
        System.out.println("test stack at shift " + addressShift + ": " + warmed.describe());
        if (!warmed.warm()) {
            List<?> left = stack.down(false);
            throw new IllegalStateException(warmed.describe() + "; stack taken down" + (left.isEmpty() ? "" : ", left alive: " + left));
        }
        return stack;
    }

    /** {@code run SCENARIO --attach <stack>} in a child JVM (so a test can kill it); its output goes to target/drill-test-logs/. */
    static Process harness(LocalStack stack, Path scenario, Path reportsDir) throws IOException {
        return harness(scenario, reportsDir, Map.of(), "--attach", stack.directory().toString());
    }

    /**
     * {@code run SCENARIO --reports DIR --key ... OPTIONS} in a child JVM with {@code variables} added to its process
     * environment; its output goes to target/drill-test-logs/.
     */
    static Process harness(Path scenario, Path reportsDir, Map<String, String> variables, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", scenario.toString(),
                "--reports", reportsDir.toString(), "--key", reportsDir.resolve("test-signing-key").toString()));
        args.addAll(List.of(options));
        return cli(log(scenario), variables, args);
    }

    /**
     * The harness's CLI ({@code casedrill.cli.Main ARGS}) in a child JVM from the test class path, with the JVM
     * options the jar's manifest gives (in-process Gatling needs them), {@code variables} added to its environment and
     * its output in {@code log}.
     */
    static Process cli(Path log, Map<String, String> variables, List<String> args) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                "-cp", absoluteClassPath(), "casedrill.cli.Main"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(variables);
        return builder.start();
    }

    /** The test class path with absolute entries, for processes that run elsewhere. */
    static String absoluteClassPath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.of(classpath.split(File.pathSeparator)).map(e -> Path.of(e).toAbsolutePath().toString())
                .reduce((a, b) -> a + File.pathSeparator + b).orElse("");
    }

    /** {@code run SCENARIO OPTIONS...} in a child JVM (the options name the reports folder); output to target/drill-test-logs/. */
    static Process harness(Path scenario, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", scenario.toString()));
        args.addAll(List.of(options));
        return cli(log(scenario), Map.of(), args);
    }

    /** The log of a harness run of {@code scenario}: target/drill-test-logs/, named after the scenario file. */
    static Path log(Path scenario) {
        return Path.of("target", "drill-test-logs", scenario.getFileName() + ".log");
    }

    /**
     * For Awaitility's {@code failFast}: a harness that ended while the test still waits for something it should do
     * fails the wait at once, with the end of its log (Gatling's tables left out), since the log is gone after CI.
     */
    static ThrowingRunnable endedEarly(Process harness, Path scenario) {
        return () -> {
            if (!harness.isAlive()) {
                List<String> lines = Files.readAllLines(log(scenario)).stream().filter(l -> !l.startsWith(">") && !l.isBlank()).toList();
                throw new AssertionError("the harness ended (exit " + harness.exitValue() + ") before the awaited state; the end of "
                        + log(scenario) + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
        };
    }
}
