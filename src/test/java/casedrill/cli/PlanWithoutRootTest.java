package casedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.testing.TestFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #6's fallback, for real: without root, {@code plan} says a WAN cut is approximate and why. The
 * test runs {@code plan} in a JVM of its own as {@code nobody} (uid 65534), with its class path and
 * scenario copied where that user can read them (the build's may sit under root's home).
 */
class PlanWithoutRootTest {
    private static final String NOBODY = "65534";

    @TempDir
    Path dir;

    @Test
    void planAsAnUnprivilegedUserSaysTheWanCutIsApproximateAndWhy() throws Exception {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        Path scenarios = dir.resolve("scenarios");
        TestFiles.copyTree(Path.of("scenarios/topology"), scenarios.resolve("topology"));
        Files.copy(Path.of("scenarios/wan-cut-witness-reachable.yaml"), scenarios.resolve("wan-cut-witness-reachable.yaml"));
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", readableClasspath(dir.resolve("cp")), "casedrill.cli.Main",
                "plan", scenarios.resolve("wan-cut-witness-reachable.yaml").toString()));
        openToEveryone(dir);

        Process plan = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(plan.getInputStream().readAllBytes());
        assertThat(plan.waitFor(60, TimeUnit.SECONDS)).as("plan finished").isTrue();

        assertThat(plan.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(output).as("plan's note on the WAN cut")
                .contains("approximate: iptables cannot be changed here (needs root and iptables), "
                        + "so through the shared etcd peer proxies this also cuts")
                .doesNotContain("exact (iptables, per-site users)");
    }

    /** The test's class path copied entry by entry under {@code to}, as a class path string. */
    private static String readableClasspath(Path to) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> copied = new ArrayList<>();
        int i = 0;
        for (String entry : classpath.split(File.pathSeparator)) {
            Path from = Path.of(entry);
            if (entry.isBlank() || !Files.exists(from)) {
                continue;
            }
            Path target = to.resolve(i++ + "-" + from.getFileName());
            TestFiles.copyTree(from, target);
            copied.add(target.toString());
        }
        return String.join(File.pathSeparator, copied);
    }

    /** @TempDir is private to its owner; nobody must be able to read and traverse it. */
    private static void openToEveryone(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }
}
