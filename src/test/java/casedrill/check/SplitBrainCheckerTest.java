package casedrill.check;

import static casedrill.check.Literal.ack;
import static casedrill.check.Literal.sample;
import static org.assertj.core.api.Assertions.assertThat;

import casedrill.history.History;
import org.junit.jupiter.api.Test;

class SplitBrainCheckerTest {
    private final SplitBrainChecker checker = new SplitBrainChecker();

    @Test
    void oldTimelineAcceptingWritesAfterThePromotionIsSplitBrain() {
        History h = History.of(
                ack(900, 1_000, "a1", "sys", 1),
                ack(5_900, 6_000, "b1", "sys", 2),
                ack(6_500, 6_600, "a2", "sys", 1));
        CheckResult r = checker.check(h, Targets.none());
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.explanation()).contains("sys/1").contains("sys/2");
    }

    @Test
    void twoSystemIdsInterleavedIsSplitBrain() {
        History h = History.of(
                ack(1_000, 1_050, "b1", "sys-dc2", 1),
                ack(2_000, 2_050, "a1", "sys-dc1", 1),
                ack(3_000, 3_050, "b2", "sys-dc2", 1));
        assertThat(checker.check(h, Targets.none()).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void cleanHandoverWithAnOldWriteStillInFlightIsNotSplitBrain() {
        History h = History.of(
                ack(900, 1_000, "a1", "sys", 1),
                ack(4_000, 9_000, "a2", "sys", 1),
                ack(5_900, 6_000, "b1", "sys", 2),
                ack(9_500, 9_600, "b2", "sys", 2));
        CheckResult r = checker.check(h, Targets.none());
        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.PASS);
        assertThat(r.measured()).isEqualTo(new Measured.Primaries(2, false));
    }

    @Test
    void writesWithoutDatabaseIdentityAreUnknown() {
        History h = History.of(ack(900, 1_000, "a1", null, 0));
        assertThat(checker.check(h, Targets.none()).verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void withoutSamplesTheWritesAloneDecideAsBefore() {
        History h = History.of(ack(900, 1_000, "a1", "sys", 1), ack(5_900, 6_000, "b1", "sys", 2));
        CheckResult r = checker.check(h, Targets.none());
        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.PASS);
        assertThat(r.measured()).isEqualTo(new Measured.Primaries(2, false));
        assertThat(r.explanation()).doesNotContain("sample");
    }

    @Test
    void twoMembersWritableForThreeSecondsIsSplitBrainEvenWhenClientsWroteToOne() {
        History h = History.of(
                ack(900, 1_000, "a1", "sys", 1),
                sample(1_000, "w", "r"),
                sample(2_000, "w", "w"),
                sample(3_000, "w", "w"),
                sample(4_000, "w", "w"),
                sample(5_000, "w", "w"),
                sample(6_000, "r", "w"),
                ack(5_900, 6_000, "b1", "sys", 2));
        CheckResult r = checker.check(h, Targets.none());
        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.FAIL);
        assertThat(r.measured()).isEqualTo(new Measured.Primaries(2, true, 3_000L, java.util.List.of("pg-dc1", "pg-dc2")));
        assertThat(r.explanation()).contains("pg-dc1 and pg-dc2").contains("from 2.00 s to 5.00 s").contains("4 of 6 samples");
    }

    @Test
    void unknownAnswersDoNotCountAsWritable() {
        History h = History.of(
                ack(900, 1_000, "a1", "sys", 1),
                sample(1_000, "w", "r"),
                sample(2_000, "w", "?"),
                sample(3_000, "?", "w"),
                sample(4_000, "?", "?"),
                sample(5_000, "r", "w"),
                ack(5_900, 6_000, "b1", "sys", 2));
        CheckResult r = checker.check(h, Targets.none());
        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.PASS);
        assertThat(r.measured()).isEqualTo(new Measured.Primaries(2, false));
        assertThat(r.explanation()).contains("no two members were writable in the same sample (4 samples)");
    }

    @Test
    void samplesJudgeWhenNoWriteNamesItsDatabase() {
        History h = History.of(sample(1_000, "w", "r"), sample(2_000, "r", "w"));
        CheckResult r = checker.check(h, Targets.none());
        assertThat(r.verdict()).as(r.explanation()).isEqualTo(Verdict.PASS);
        assertThat(r.measured()).isEqualTo(new Measured.Primaries(2, false));
    }

    @Test
    void interleavedClientWritesStillFailWhenNoSampleShowsTwoWritable() {
        History h = History.of(
                ack(1_000, 1_050, "b1", "sys-dc2", 1),
                sample(1_500, "r", "w"),
                ack(2_000, 2_050, "a1", "sys-dc1", 1),
                ack(3_000, 3_050, "b2", "sys-dc2", 1));
        assertThat(checker.check(h, Targets.none()).verdict()).isEqualTo(Verdict.FAIL);
    }
}
