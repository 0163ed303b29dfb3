package casedrill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import casedrill.stack.local.LocalStack;
import casedrill.stack.local.StackState;
import casedrill.stack.local.StateFile;
import casedrill.stack.local.Teardown;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A stack that cannot start names the node at fault (and its log) and leaves no process behind. */
class StackStartFailureTest {
    private Path runRoot;

    @BeforeEach
    void runRoot() throws IOException {
        // Under /var/tmp with mode 0755: the stack user must reach its nodes' folders.
        runRoot = Files.createTempDirectory(Path.of("/var/tmp"), "casedrill-test-");
        Files.setPosixFilePermissions(runRoot, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void removeRunRoot() {
        Teardown.removeDirectory(runRoot);
    }

    @Test
    void portTakenNamesTheNodeAndStartsNothing() throws IOException {
        StackLayout layout = StackLayouts.twoDc();
        var witness = layout.node("etcd-witness");
        try (ServerSocket squatter = new ServerSocket(witness.port("client"), 1, InetAddress.getByName(witness.address()))) {
            StackStartException failure = catchThrowableOfType(StackStartException.class,
                    () -> LocalStack.up(layout, options()));
            assertThat(failure).as("failure of stack up with %s taken", witness.endpoint("client")).isNotNull();
            assertThat(failure.node()).as("node named by the failure").isEqualTo("etcd-witness");
            assertThat(failure.getMessage()).as("failure message").contains(witness.endpoint("client"));
        }
        assertThat(stackDirectories()).as("run directories left when nothing started").isZero();
    }

    @Test
    void missingPostgresqlNamesTheNodeAndWhatIsMissing() {
        StackStartException failure = catchThrowableOfType(StackStartException.class,
                () -> LocalStack.up(StackLayouts.twoDc(), options().withPgBinDir(Path.of("/nonexistent/pg/bin"))));
        assertThat(failure).as("failure of stack up without PostgreSQL").isNotNull();
        assertThat(failure.node()).as("node named by the failure").isEqualTo("pg-dc1");
        assertThat(failure.getMessage()).as("failure message").contains("/nonexistent/pg/bin/postgres").contains("install-stack-deps.sh");
    }

    @Test
    void postgresqlRefusingToInitialiseNamesTheNodeAndItsLogAndStopsEverything() throws IOException {
        Path bin = refusingInitdb();
        StackStartException failure = catchThrowableOfType(StackStartException.class,
                () -> LocalStack.up(StackLayouts.twoDc(), options().withPgBinDir(bin)));
        assertThat(failure).as("failure of stack up when initdb fails").isNotNull();
        assertThat(failure.node()).as("node named by the failure").isEqualTo("pg-dc1");
        assertThat(failure.log()).as("log named by the failure").isNotNull();
        assertThat(failure.getMessage()).as("failure message").contains(failure.log().toString());
        assertThat(Files.readString(failure.log())).as("pg-dc1's log").contains("simulated refusal");
        StackState state = StateFile.read(failure.log().getParent().getParent());
        assertThat(state.processes()).as("processes started before the failure").containsKeys("etcd-dc1", "pg-dc1");
        state.processes().values().forEach(p ->
                assertThat(p.process().alive()).as("%s (PID %d) after the failed start", p.node(), p.pid()).isFalse());
        assertThat(StackProbe.processesWorkingUnder(state)).as("processes working in the failed stack's directory").isEmpty();
    }

    @Test
    void sigtermWhileStartingStopsEverythingStartedSoFar() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process up = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                java.util.stream.Stream.of(classpath.split(java.io.File.pathSeparator)).map(e -> Path.of(e).toAbsolutePath().toString())
                        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)),
                // --links-direct as dbTierOptions(): no Java node, so no jar needed (a fresh clone has none before package).
                "casedrill.cli.Main", "stack", "up", "--db-only", "--links-direct", "--run-root", runRoot.toString(),
                "--address-shift", Integer.toString(StackLayouts.TEST_ADDRESS_SHIFT))
                .redirectErrorStream(true).redirectOutput(runRoot.resolve("stack-up.log").toFile()).start();
        Path[] dir = new Path[1];
        try {
            org.awaitility.Awaitility.await("two processes recorded while starting (log " + runRoot.resolve("stack-up.log") + ")")
                    .atMost(java.time.Duration.ofSeconds(90)).pollInterval(java.time.Duration.ofMillis(100)).ignoreExceptions()
                    // A stack up that ends early fails at once, and says why (its log is gone after the test).
                    .failFast(() -> {
                        if (!up.isAlive()) {
                            throw new AssertionError("stack up ended (exit " + up.exitValue() + ") before starting two processes: "
                                    + Files.readString(runRoot.resolve("stack-up.log")).strip());
                        }
                    })
                    .until(() -> {
                        try (Stream<Path> dirs = Files.list(runRoot)) {
                            dir[0] = dirs.filter(p -> p.getFileName().toString().startsWith("two-dc-")).findFirst().orElseThrow();
                        }
                        return StateFile.read(dir[0]).processes().size() >= 2;
                    });
            up.destroy(); // SIGTERM, as an operator's Ctrl-C or a CI timeout
            assertThat(up.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("stack up gone after SIGTERM").isTrue();
        } finally {
            if (up.isAlive()) {
                up.destroyForcibly().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
        StackState state = StateFile.read(dir[0]);
        assertThat(state.processes()).as("processes recorded before SIGTERM").isNotEmpty();
        state.processes().values().forEach(p ->
                assertThat(p.process().alive()).as("%s (PID %d) after SIGTERM during start", p.node(), p.pid()).isFalse());
        assertThat(StackProbe.processesWorkingUnder(state)).as("processes working in the interrupted stack's directory").isEmpty();
    }

    private StackOptions options() {
        return StackLayouts.dbTierOptions().withRunRoot(runRoot);
    }

    /** PostgreSQL's binaries, except an initdb that refuses. */
    private Path refusingInitdb() throws IOException {
        Path bin = Files.createDirectories(runRoot.resolve("fake-pg-bin"));
        try (Stream<Path> real = Files.list(StackOptions.defaults().pgBinDir())) {
            for (Path program : real.toList()) {
                if (!program.getFileName().toString().equals("initdb")) {
                    Files.createSymbolicLink(bin.resolve(program.getFileName()), program);
                }
            }
        }
        Path initdb = bin.resolve("initdb");
        Files.writeString(initdb, "#!/bin/sh\necho 'initdb: simulated refusal' >&2\nexit 1\n");
        Files.setPosixFilePermissions(initdb, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private long stackDirectories() throws IOException {
        try (Stream<Path> entries = Files.list(runRoot)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("two-dc-")).count();
        }
    }
}
