package casedrill.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileTest {
    private static final Instant START = Instant.parse("2026-11-23T03:00:00Z");

    private static DrillClock fixedAt(long offsetMs) {
        return new DrillClock() {
            @Override
            public long offsetMs() {
                return offsetMs;
            }

            @Override
            public Instant wallAt(long offset) {
                return START.plusMillis(offset);
            }
        };
    }

    @Test
    void everyEventTypeSurvivesTheRoundTripWithWallTime(@TempDir Path dir) throws Exception {
        List<Event> events = List.of(
                new Event.DrillStarted(0, "scenarios/site-loss.yaml"),
                new Event.PhaseStarted(1, "baseline"),
                new Event.FaultInjected(10_000, "latency", "wan-slow wan(dc1,dc2)", true, "wan-slow", true, 9_950L),
                new Event.Probe(10_100, "status", Outcome.UNKNOWN, 0, 2_000, null),
                new Event.LeaderObserved(12_000, "pg-dc2", "7311", 2),
                new Event.RunbookStep(13_000, "evacuation", "promote", "done", 850),
                new Event.WriteAcked(14_000, 13_990, "k1", "c1", "ab12", "app-dc2-a", "7311", 2),
                new Event.WriteInDoubt(15_000, 13_000, "k2", "cd34", "app-dc1-a", "timeout"),
                new Event.LoadSecond(16_000, "intake", Outcome.OK, 3, 1, 2, 3, 4, "AAAA"),
                new Event.FaultHealed(20_000, "node-kill", "node:pg-dc1"),
                new Event.ClusterSample(25_000, "pg-dc2", List.of(
                        new Event.ClusterMember("pg-dc1", null, null, null, null, null, "connect timed out"),
                        new Event.ClusterMember("pg-dc2", "leader", "running", 3L, null, true, null))),
                new Event.WriteReconciled(30_000, "k2", "IN_DOUBT_ABSENT"),
                new Event.Reconciled(30_001, "7311", 2, 1, 1, 0, 0, 0, 1, 0),
                new Event.DrillEnded(31_000, "completed"));
        Path file = dir.resolve("history.jsonl");
        try (HistoryWriter writer = new HistoryWriter(file, fixedAt(0))) {
            events.forEach(writer::append);
        }
        assertThat(HistoryReader.read(file).events()).containsExactlyElementsOf(events);
        String faultLine = Files.readAllLines(file).get(2);
        assertThat(faultLine).isEqualTo("{\"type\":\"fault_injected\",\"offsetMs\":10000,"
                + "\"wall\":\"2026-11-23T03:00:10Z\",\"fault\":\"latency\",\"target\":\"wan-slow wan(dc1,dc2)\",\"slowsOnly\":true,"
                + "\"name\":\"wan-slow\",\"lasting\":true,\"requestedAtMs\":9950}");
    }

    @Test
    void aFaultWrittenBeforeSlowsOnlyExistedReadsAsOneThatBreaks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("h.jsonl");
        Files.writeString(file, "{\"type\":\"fault_injected\",\"offsetMs\":7,\"fault\":\"kill\",\"target\":\"dc1-down node:pg-dc1\"}\n");
        assertThat(HistoryReader.read(file).events()).containsExactly(new Event.FaultInjected(7, "kill", "dc1-down node:pg-dc1", false));
    }

    @Test
    void aClusterSampleKeepsUnknownAsNullNotAsFalse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("h.jsonl");
        Files.writeString(file, "{\"type\":\"cluster_sample\",\"offsetMs\":3000,\"leader\":null,\"members\":"
                + "[{\"name\":\"pg-dc1\",\"writable\":null,\"sqlError\":\"timeout\"}]}\n");
        Event.ClusterMember member = ((Event.ClusterSample) HistoryReader.read(file).events().get(0)).members().get(0);
        assertThat(member.writable()).as("an unanswered pg_is_in_recovery()").isNull();
        assertThat(member.role()).isNull();
    }

    @Test
    void unknownTypesAreSkippedAndMalformedLinesNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("h.jsonl");
        Files.writeString(file, "{\"type\":\"from_the_future\",\"offsetMs\":1}\n{\"type\":\"drill_ended\",\"offsetMs\":5,\"reason\":\"x\"}\n");
        assertThat(HistoryReader.read(file).events()).containsExactly(new Event.DrillEnded(5, "x"));
        Files.writeString(file, "{\"type\":\"drill_ended\",\"offsetMs\":5}\nnot json\n");
        assertThatThrownBy(() -> HistoryReader.read(file)).hasMessageContaining("h.jsonl:2:");
    }

    @Test
    void systemClockIsMonotonicAndAnchored() {
        DrillClock clock = DrillClock.system();
        long a = clock.offsetMs();
        long b = clock.offsetMs();
        assertThat(b).isGreaterThanOrEqualTo(a);
        assertThat(clock.wallAt(1_000)).isEqualTo(clock.wallAt(0).plusSeconds(1));
    }
}
