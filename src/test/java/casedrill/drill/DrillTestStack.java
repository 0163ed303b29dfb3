package casedrill.drill;

import casedrill.stack.DbVariant;
import casedrill.stack.Stack;
import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.topology.TopologyLoader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The full two-DC stack the drill tests attach their drills to, started from the test class path at its own address shift. */
final class DrillTestStack {
    private DrillTestStack() {}

    static Stack up(int addressShift, DbVariant variant) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stack.up(StackLayout.of(TopologyLoader.load(Path.of("scenarios/topology/two-dc.yaml"))).shifted(addressShift),
                StackOptions.defaults().withClasspath(classpath).withVariant(variant));
    }

    /** {@code run SCENARIO --attach <stack>} in a child JVM (so a test can kill it); its output goes to target/drill-test-logs/. */
    static Process harness(Stack stack, Path scenario, Path reportsDir) throws IOException {
        Path logs = Files.createDirectories(Path.of("target", "drill-test-logs"));
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String absolute = Stream.of(classpath.split(File.pathSeparator)).map(e -> Path.of(e).toAbsolutePath().toString())
                .reduce((a, b) -> a + File.pathSeparator + b).orElse("");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                "-cp", absolute, "casedrill.cli.Main", "run", scenario.toString(),
                "--attach", stack.directory().toString(), "--reports", reportsDir.toString(),
                "--key", reportsDir.resolve("test-signing-key").toString())
                .redirectErrorStream(true).redirectOutput(logs.resolve(scenario.getFileName() + ".log").toFile()).start();
    }
}
