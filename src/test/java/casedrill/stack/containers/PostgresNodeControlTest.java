package casedrill.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.testing.Needs;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PostgresNodeControlTest {

    @Test
    void theInstantReportedForTheFirstSignalCountsWhenItFallsWithinTheExec() {
        ContainerExec exec = new ContainerExec(0, "1500\n", "", 1000, 2000);

        assertThat(PostgresNodeControl.signalledAt(exec).nanoTime()).isEqualTo(1500);
    }

    /** An engine on another kernel reads another monotonic clock: its instant cannot be compared with ours. */
    @Test
    void anInstantOutsideTheExecGivesWayToTheExecsStart() {
        assertThat(PostgresNodeControl.signalledAt(new ContainerExec(0, "99999\n", "", 1000, 2000)).nanoTime()).isEqualTo(1000);
        assertThat(PostgresNodeControl.signalledAt(new ContainerExec(0, "500\n", "", 1000, 2000)).nanoTime()).isEqualTo(1000);
        assertThat(PostgresNodeControl.signalledAt(new ContainerExec(0, "", "", 1000, 2000)).nanoTime()).isEqualTo(1000);
    }

    @Test
    void theProgramGetsTheActionAndBothPidFiles() {
        assertThat(PostgresNodeControl.command("kill-postgres", Path.of("/r/pg/patroni.pid"), Path.of("/r/pg/data/postmaster.pid")))
                .containsExactly("python3", "-c", PostgresNodeControl.PROGRAM, "kill-postgres", "/r/pg/patroni.pid",
                        "/r/pg/data/postmaster.pid");
    }

    /** It runs only in a container (with psutil): here it is at least parsed, so a typo fails before a drill. */
    @Test
    void theProgramIsValidPython() throws Exception {
        Process python;
        try {
            python = new ProcessBuilder("python3", "-c", "import ast, sys; ast.parse(sys.argv[1])", PostgresNodeControl.PROGRAM)
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Needs.that(false, "python3 on the PATH: " + e.getMessage());
            return;
        }
        assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(new String(python.getInputStream().readAllBytes())).isZero();
    }
}
