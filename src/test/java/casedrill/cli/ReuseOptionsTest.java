package casedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line edges of stack reuse, none of which starts a stack. */
class ReuseOptionsTest {
    @TempDir
    Path runRoot;

    @Test
    void reuseRefusesAStackThatIsNotItsOwnBeforeAnythingStarts() {
        CommandRun run = CommandRun.of("run", "src/test/resources/drills/reuse-after-faults.yaml", "--reuse", "--attach",
                runRoot.resolve("someone-elses").toString(), "--run-root", runRoot.toString(), "--reports", runRoot.toString());
        assertThat(run.exitCode()).as("exit code (%s)", run.err()).isEqualTo(2);
        assertThat(run.err()).contains("--reuse").contains("--attach");
    }

    @Test
    void stackDownReusableForgetsRecordsWhoseStackIsGone() throws Exception {
        Path records = Files.createDirectories(runRoot.resolve("reusable"));
        Files.writeString(records.resolve("local-two-dc-sync-p4-router-shift0.ref"), "local\n" + runRoot.resolve("gone") + "\n");
        CommandRun run = CommandRun.of("stack", "down", "--reusable", "--run-root", runRoot.toString());
        assertThat(run.exitCode()).as("exit code (%s)", run.err()).isZero();
        assertThat(run.out()).contains("no kept stack was running");
        assertThat(records).as("records after stack down --reusable").isEmptyDirectory();
    }
}
