package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import casedrill.cli.Main;
import casedrill.fault.LeaseFile;
import casedrill.history.Event;
import casedrill.history.History;
import casedrill.history.HistoryReader;
import casedrill.report.DrillResult;
import casedrill.report.ResultJson;
import casedrill.stack.BaselineCheck;
import casedrill.stack.BaselineCheck.Repair.Kind;
import casedrill.topology.DbVariant;
import casedrill.stack.RunningStack;
import casedrill.stack.StackOptions;
import casedrill.stack.StackOrigin;
import casedrill.stack.StackRef;
import casedrill.stack.local.LocalStackProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two short drills on one reused stack ({@code run --reuse}). The first starts the stack and is killed with SIGKILL
 * while its faults are in effect: a switchover made pg-dc2 the leader (a one-off nothing heals), dc1 and dc2 are cut
 * apart and app-dc1-b is frozen, and no heal runs (the runner heals on every other way out, so a killed harness is the
 * honest way to leave them). The second {@code run --reuse} finds the kept stack, resets it, and its history shows the
 * baseline read back and passed before its own fault went in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReusedStackDrillTest {
    private static final int ADDRESS_SHIFT = Integer.getInteger("casedrill.test.reuseAddressShift", 240);
    private static final Path DRILLS = Path.of("src/test/resources/drills");
    private static final String KEY = StackPool.key(LocalStackProvider.NAME, "two-dc", DbVariant.DEFAULT, ADDRESS_SHIFT);
    private final ReusableStacks records = new ReusableStacks(StackOptions.DEFAULT_RUN_ROOT);

    @TempDir
    Path reports;

    @BeforeAll
    void noKeptStack() {
        downKept();
    }

    @AfterAll
    void downTheKeptStack() {
        downKept();
    }

    private void downKept() {
        records.find(KEY).ifPresent(ref -> {
            try {
                new LocalStackProvider().attach(ref).down(false);
            } catch (RuntimeException gone) {
                // a stale record: nothing runs any more
            }
        });
        records.forget(KEY);
    }

    @Test
    void theSecondDrillStartsFromAVerifiedBaselineAfterTheFirstLeftFaultsBehind() throws Exception {
        Path first = DRILLS.resolve("reuse-leaves-faults.yaml");
        Process harness = DrillTestStack.harness(first, "--reuse", "--address-shift", Integer.toString(ADDRESS_SHIFT),
                "--reports", reports.resolve("first").toString(), "--key", reports.resolve("test-signing-key").toString());
        Path firstFolder;
        try {
            Path[] folder = new Path[1];
            await("switchover, partition and pause in effect (harness log " + DrillTestStack.log(first) + ")")
                    .atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .failFast(DrillTestStack.endedEarly(harness, first)).until(() -> {
                        folder[0] = onlyRunFolder("first/reuse-leaves-faults");
                        return new LeaseFile(folder[0]).read().faults().size() == 2
                                && HistoryReader.read(folder[0].resolve("history.jsonl")).all(Event.FaultInjected.class).count() == 3;
                    });
            firstFolder = folder[0];
            harness.destroyForcibly(); // SIGKILL: no heal, no shutdown hook
            assertThat(harness.waitFor(30, TimeUnit.SECONDS)).as("first harness gone").isTrue();
        } finally {
            harness.destroyForcibly();
        }
        StackRef kept = records.find(KEY).orElseThrow(() -> new AssertionError("the first --reuse run recorded no stack for " + KEY));
        RunningStack stack = new LocalStackProvider().attach(kept);
        // what the first drill left: the reset must have something to repair
        await("pg-dc2 leads after the switchover").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> stack.status().leader().equals("pg-dc2"));
        assertThat(stack.status().node("app-dc1-b").process()).as("app-dc1-b left frozen").isEqualTo("paused");
        assertThat(new LeaseFile(firstFolder).read().faults()).as("faults the killed harness left in its lease").hasSize(2);
        boolean exactCut = stack.activePartitionRules() > 0;

        Path second = DRILLS.resolve("reuse-after-faults.yaml");
        int exit = Main.execute("run", second.toString(), "--reuse", "--address-shift", Integer.toString(ADDRESS_SHIFT),
                "--reports", reports.resolve("second").toString(), "--key", reports.resolve("test-signing-key").toString());
        Path secondFolder = onlyRunFolder("second/reuse-after-faults");
        DrillResult result = ResultJson.read(secondFolder.resolve("result.json"));
        assertThat(exit).as("second drill's exit (%s)", result.reason()).isEqualTo(0);

        assertThat(result.stack().origin()).as("origin of the second drill's stack").isEqualTo(StackOrigin.REUSED);
        assertThat(result.stack().id()).as("the same stack as the first drill").isEqualTo(stack.id());
        assertThat(result.stack().rejected()).as("no stack replaced").isNull();
        BaselineCheck baseline = result.stack().baseline();
        assertThat(baseline.passed()).as("baseline verified: %s", baseline.describe()).isTrue();
        assertThat(baseline.checks()).extracting(BaselineCheck.Check::rule).as("rules read back")
                .containsExactlyInAnyOrder(BaselineCheck.Rule.values());
        assertThat(baseline.repairs()).as("what the reset repaired")
                .contains(new BaselineCheck.Repair(Kind.NODE_RESUMED, "app-dc1-b"),
                        new BaselineCheck.Repair(Kind.LEADER_SWITCHED, "pg-dc2 -> pg-dc1"))
                .anyMatch(r -> r.kind() == (exactCut ? Kind.PARTITION_HEALED : Kind.PROXY_ENABLED));
        assertThat(baseline.check(BaselineCheck.Rule.CASE_DATA).orElseThrow().seen()).as("case data after the reset")
                .contains("pg-dc1: 0 rows").contains("pg-dc2: 0 rows");

        History history = HistoryReader.read(secondFolder.resolve("history.jsonl"));
        List<String> types = Files.readAllLines(secondFolder.resolve("history.jsonl")).stream()
                .map(l -> tools.jackson.databind.json.JsonMapper.shared().readTree(l).path("type").asString()).toList();
        Event.BaselineVerified verified = history.all(Event.BaselineVerified.class).findFirst()
                .orElseThrow(() -> new AssertionError("no baseline_verified in " + types));
        Event.FaultInjected firstFault = history.all(Event.FaultInjected.class).findFirst().orElseThrow();
        assertThat(verified.passed()).as("baseline_verified passed").isTrue();
        assertThat(verified.origin()).isEqualTo("reused");
        assertThat(verified.offsetMs()).as("the verification finished before the load began, long before the first fault")
                .isNegative().isLessThan(firstFault.offsetMs());
        assertThat(types.indexOf("baseline_verified")).as("baseline_verified written before fault_injected")
                .isLessThan(types.indexOf("fault_injected"));
        assertThat(result.wallTimeMs() - result.scenario().durationMs()).as("overhead of the drill on the reused stack, ms")
                .isPositive();
        System.out.printf("reuse: reset %d ms %s; second drill wall %d ms for %d ms of scenario (overhead %d ms)%n",
                baseline.tookMs(), baseline.phases(), result.wallTimeMs(), result.scenario().durationMs(),
                result.wallTimeMs() - result.scenario().durationMs());
    }

    private Path onlyRunFolder(String scenario) throws IOException {
        try (Stream<Path> runs = Files.list(reports.resolve(scenario))) {
            List<Path> all = runs.filter(Files::isDirectory).toList();
            assertThat(all).as("run folders of %s", scenario).hasSize(1);
            return all.get(0);
        }
    }
}
