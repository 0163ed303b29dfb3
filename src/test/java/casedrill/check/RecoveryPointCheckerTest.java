package casedrill.check;

import static casedrill.check.Literal.ack;
import static casedrill.check.Literal.fault;
import static casedrill.check.Literal.survivor;
import static org.assertj.core.api.Assertions.assertThat;

import casedrill.history.Event;
import casedrill.history.History;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecoveryPointCheckerTest {
    private static final Targets RPO_ZERO = Targets.none().withRpo(Duration.ZERO);
    private final RecoveryPointChecker checker = new RecoveryPointChecker();

    @Test
    void allWritesIntactIsRpoZero() {
        History h = History.of(ack(900, 1_000, "k1", "sys", 1), fault(5_000), ack(8_900, 9_000, "k2", "sys", 2),
                survivor("sys", 2, 2, 0, 0, 0, 0));
        CheckResult r = checker.check(h, RPO_ZERO);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.measured().inSeconds()).hasValue(0.00);
    }

    @Test
    void lostWriteFailsAndMeasuresToTheFault() {
        History h = History.of(ack(900, 1_000, "k1", "sys", 1), ack(3_900, 4_000, "k2", "sys", 1), fault(5_000),
                new Event.WriteReconciled(90_000, "k2", "LOST"), survivor("sys", 2, 2, 1, 0, 0, 0));
        CheckResult r = checker.check(h, RPO_ZERO);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.measured().inSeconds()).as("from the lost ack at 4 s to T_fault at 5 s").hasValue(1.00);
        assertThat(r.measured().lostWrites()).as("lost writes counted").hasValue(1);
        assertThat(r.explanation()).contains("k2: lost");
        assertThat(checker.check(h, Targets.none().withRpo(Duration.ofSeconds(2))).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void alteredWriteIsLostAndRpoIsAtLeastOneProbeInterval() {
        History h = History.of(fault(1_000), ack(4_950, 5_000, "k1", "sys", 2),
                new Event.WriteReconciled(90_000, "k1", "ALTERED"), survivor("sys", 2, 1, 1, 0, 0, 0));
        CheckResult r = checker.check(h, RPO_ZERO);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.measured().inSeconds()).hasValue(0.10);
        assertThat(((Measured.Writes) r.measured()).altered()).as("altered, not absent").isEqualTo(1);
    }

    @Test
    void inDoubtWritesAreCountedButNotLost() {
        History h = History.of(ack(900, 1_000, "k1", "sys", 1), fault(5_000),
                new Event.WriteInDoubt(7_000, 5_100, "k2", "sha", "app-dc1-a", "timeout"),
                new Event.WriteInDoubt(7_100, 5_200, "k3", "sha", "app-dc1-a", "connection reset"),
                new Event.WriteReconciled(90_000, "k2", "IN_DOUBT_PRESENT"),
                new Event.WriteReconciled(90_000, "k3", "IN_DOUBT_ABSENT"),
                survivor("sys", 1, 1, 0, 1, 1, 0));
        CheckResult r = checker.check(h, RPO_ZERO);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.explanation()).contains("in doubt: 1 present, 1 absent");
    }

    @Test
    void writeAcknowledgedByAStalePrimaryAfterTheFaultIsLostEvenIfFound() {
        History h = History.of(ack(900, 1_000, "k1", "sys", 1), fault(5_000),
                new Event.LeaderObserved(6_000, "pg-dc2", "sys", 2),
                ack(6_400, 6_500, "k2", "sys", 1),
                ack(7_000, 7_100, "k3", "sys", 2),
                survivor("sys", 2, 3, 0, 0, 0, 0));
        CheckResult r = checker.check(h, RPO_ZERO);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.explanation()).contains("k2: acknowledged by stale primary sys/1");
    }

    @Test
    void duplicatedKeyFails() {
        History h = History.of(ack(900, 1_000, "k1", "sys", 1), survivor("sys", 1, 1, 0, 0, 0, 1));
        assertThat(checker.check(h, RPO_ZERO).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void withoutReconciliationItIsUnknown() {
        History h = History.of(ack(900, 1_000, "k1", "sys", 1));
        assertThat(checker.check(h, RPO_ZERO).verdict()).isEqualTo(Verdict.UNKNOWN);
    }
}
