package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import casedrill.cli.Main;
import casedrill.history.Event;
import casedrill.history.History;
import casedrill.history.HistoryReader;
import casedrill.report.DrillResult;
import casedrill.report.ResultJson;
import casedrill.stack.local.LocalStack;
import casedrill.topology.DbVariant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One runbook drill on a real local stack: the planned switchover dc1 -> dc2, shortened. The drill runs once; each
 * test asserts one promise of it, so a miss names the promise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunbookDrillTest {
    /** Away from a stack run by hand (0), the stack tests' (100) and the drill tests' (60). */
    private static final int ADDRESS_SHIFT = 180;

    /** Static: instance fields are not injected yet when a per-class @BeforeAll runs. */
    @TempDir
    static Path reports;

    private LocalStack stack;
    private int exit;
    private DrillResult result;
    private History history;

    @BeforeAll
    void runTheDrill() throws IOException {
        stack = DrillTestStack.up(ADDRESS_SHIFT, DbVariant.of("sync", "4", "router", true)); // runbook drills pause Patroni
        exit = Main.execute("run", "src/test/resources/drills/short-switchover.yaml", "--attach", stack.directory().toString(),
                "--reports", reports.toString(), "--key", reports.resolve("test-signing-key").toString());
        Path folder;
        try (Stream<Path> runs = Files.list(reports.resolve("short-switchover"))) {
            folder = runs.findFirst().orElseThrow();
        }
        result = ResultJson.read(folder.resolve("result.json"));
        history = HistoryReader.read(folder.resolve("history.jsonl"));
    }

    @AfterAll
    void down() {
        if (stack != null) {
            assertThat(stack.down(false)).as("processes left alive by stack down").isEmpty();
        }
    }

    private DrillResult.TargetResult target(String name) {
        return result.targets().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no target " + name + " in " + result.targets()));
    }

    @Test
    void theRunbookRunsEveryStepAndTheRtoIsSplit() {
        List<Event.RunbookStep> steps = history.all(Event.RunbookStep.class).toList();
        assertThat(steps).as("steps recorded").hasSize(16);
        assertThat(steps).extracting(Event.RunbookStep::status).as("step outcomes").containsOnly("ok");
        assertThat(history.all(Event.RunbookEnded.class)).extracting(Event.RunbookEnded::outcome).containsExactly("completed");
        assertThat(target("runbook").verdict()).as("runbook target: %s", target("runbook")).isEqualTo(casedrill.check.Verdict.PASS);
        assertThat(target("runbook").measuredText()).matches("detect \\d+\\.\\d\\d s, decide \\d+\\.\\d\\d s, act \\d+\\.\\d\\d s");
    }

    @Test
    void noWriteIsLostAndTheStackIsHealthyAfterwards() {
        assertThat(target("rpo").verdict()).as("rpo: %s", target("rpo")).isEqualTo(casedrill.check.Verdict.PASS);
        assertThat(target("split-brain").verdict()).as("split brain: %s", target("split-brain")).isEqualTo(casedrill.check.Verdict.PASS);
        await("every node healthy after the drill").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> stack.status().allHealthy());
    }

    @Test
    void aPlannedSwitchoverFailsNoRequest() {
        assertThat(target("failed-requests").verdict()).as("failed requests: %s", target("failed-requests")).isEqualTo(casedrill.check.Verdict.PASS);
        assertThat(exit).as("exit code; targets: %s", result.targets()).isZero();
    }
}
