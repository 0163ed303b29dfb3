package casedrill.check;

import static casedrill.check.Literal.concat;
import static casedrill.check.Literal.fault;
import static casedrill.check.Literal.probes;
import static org.assertj.core.api.Assertions.assertThat;

import casedrill.history.Event;
import casedrill.history.History;
import casedrill.history.Outcome;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The runbook target and the RTO split, on literal histories. */
class RunbookCheckerTest {
    private static final Targets TARGETS = Targets.none();

    private static List<Event> runbook(long startMs, long detectEndMs, long decideEndMs, long endMs, String outcome, String failedStep) {
        return List.of(
                new Event.RunbookStarted(startMs, "evacuation", 3),
                new Event.RunbookStep(startMs, "evacuation", "lost WAL stream", "ok", detectEndMs - startMs, "detect", "pg-dc2: 0"),
                new Event.RunbookStep(detectEndMs, "evacuation", "fence dc1", "ok", decideEndMs - detectEndMs, "decide", "acknowledged"),
                new Event.RunbookStep(decideEndMs, "evacuation", "fail over", failedStep == null ? "ok" : "failed", endMs - decideEndMs,
                        "act", "POST /failover -> 200"),
                new Event.RunbookEnded(endMs, "evacuation", outcome, failedStep, failedStep == null ? null : "status 503"));
    }

    @Test
    void splitsTheRtoOfTheDisruptionTheRunbookAnswers() {
        // fault at 40 s; detect ends 41.2 s, decide 51.2 s; probes fail from 40 s to 52 s, so T_recovered = 52 s.
        History h = new History(concat(
                probes("status", 0, 40_000, 100, Outcome.OK),
                List.of(fault(40_000)),
                probes("status", 40_000, 52_000, 100, Outcome.FAILED),
                probes("status", 52_000, 80_000, 100, Outcome.OK),
                runbook(40_010, 41_200, 51_200, 55_000, "completed", null),
                List.of(new Event.DrillEnded(80_000, "completed"))));

        RunbookSplit split = RunbookSplit.of(h, RecoveryCriteria.DEFAULT).orElseThrow();
        CheckResult r = new RunbookChecker().check(h, TARGETS);

        assertThat(split.fromFault()).as("T0 is the fault, not the runbook's start 10 ms later").isTrue();
        assertThat(split.startMs()).isEqualTo(40_000);
        assertThat(split.detectMs()).isEqualTo(1_200);
        assertThat(split.decideMs()).isEqualTo(10_000);
        assertThat(split.actMs()).as("act ends at T_recovered (52 s), before the runbook's last checks end").isEqualTo(OptionalLong.of(800));
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.measured()).isEqualTo(new Measured.Runbook("completed", null, 1.2, 10.0, 0.8));
    }

    @Test
    void aPlannedRunbookWithoutFailuresIsMeasuredFromItsStart() {
        History h = new History(concat(
                probes("status", 0, 80_000, 100, Outcome.OK),
                runbook(40_000, 40_300, 45_400, 54_300, "completed", null),
                List.of(new Event.DrillEnded(80_000, "completed"))));

        RunbookSplit split = RunbookSplit.of(h, RecoveryCriteria.DEFAULT).orElseThrow();

        assertThat(new RecoveryTimeChecker().check(h, Targets.none().withRto(java.time.Duration.ZERO)).measured().inSeconds()).hasValue(0.00);
        assertThat(split.startMs()).isEqualTo(40_000);
        assertThat(split.startMs()).isEqualTo(40_000);
        assertThat(split.fromFault()).as("nothing failed, so no disruption was in progress").isFalse();
        assertThat(split.describe()).as("act runs to the runbook's end").isEqualTo("detect 0.30 s, decide 5.10 s, act 8.90 s");
    }

    @Test
    void aRunbooksFirstActStepOpensADisruptionLikeAFault() {
        // a planned switchover: no fault, but requests fail from 45.9 s to 49.5 s while the primary moves
        History h = new History(concat(
                probes("status", 0, 45_900, 100, Outcome.OK),
                probes("status", 45_900, 49_500, 100, Outcome.FAILED),
                probes("status", 49_500, 80_000, 100, Outcome.OK),
                runbook(40_000, 40_300, 45_400, 54_300, "completed", null),
                List.of(new Event.DrillEnded(80_000, "completed"))));

        CheckResult rto = new RecoveryTimeChecker().check(h, Targets.none().withRto(java.time.Duration.ZERO));
        RunbookSplit split = RunbookSplit.of(h, RecoveryCriteria.DEFAULT).orElseThrow();

        assertThat(rto.verdict()).as("failures during a planned switchover are an outage").isEqualTo(Verdict.FAIL);
        assertThat(rto.measured().inSeconds()).as("from the first act step (45.4 s): checks and approval were not downtime").hasValue(4.10);
        assertThat(split.fromFault()).isFalse();
        assertThat(split.startMs()).isEqualTo(40_000);
        assertThat(split.describe()).isEqualTo("detect 0.30 s, decide 5.10 s, act 4.10 s");
    }

    @Test
    void aDisruptionThatRecoveredBeforeTheRunbookStartedIsNotItsStart() {
        // the failback drill: a setup switchover at 35 s, recovered by 37 s; the runbook starts at 50 s.
        History h = new History(concat(
                probes("status", 0, 35_000, 100, Outcome.OK),
                List.of(fault(35_000)),
                probes("status", 35_000, 37_000, 100, Outcome.FAILED),
                probes("status", 37_000, 90_000, 100, Outcome.OK),
                runbook(50_000, 52_000, 57_000, 62_000, "completed", null),
                List.of(new Event.DrillEnded(90_000, "completed"))));

        RunbookSplit split = RunbookSplit.of(h, RecoveryCriteria.DEFAULT).orElseThrow();

        assertThat(split.fromFault()).isFalse();
        assertThat(split.describe()).isEqualTo("detect 2.00 s, decide 5.00 s, act 5.00 s");
    }

    @Test
    void aFailedStepFailsTheRunbookTargetAndNamesTheStep() {
        History h = new History(concat(
                probes("status", 0, 40_000, 100, Outcome.OK),
                List.of(fault(40_000)),
                probes("status", 40_000, 80_000, 100, Outcome.FAILED),
                runbook(40_000, 41_000, 51_000, 51_500, "failed", "fail over"),
                List.of(new Event.DrillEnded(80_000, "completed"))));

        CheckResult r = new RunbookChecker().check(h, TARGETS);

        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.measured()).isEqualTo(new Measured.Runbook("failed", "fail over", ((Measured.Runbook) r.measured()).detectSeconds(), ((Measured.Runbook) r.measured()).decideSeconds(), null));
        assertThat(r.explanation()).contains("the failover did not happen").contains("act -");
    }

    @Test
    void aRunbookCutShortByTheDrillsEndFails() {
        History h = new History(concat(
                probes("status", 0, 60_000, 100, Outcome.OK),
                List.of(new Event.RunbookStarted(40_000, "evacuation", 3),
                        new Event.RunbookStepStarted(40_000, "evacuation", "fence dc1", "manual", "decide"),
                        new Event.DrillEnded(60_000, "completed"))));

        CheckResult r = new RunbookChecker().check(h, TARGETS);

        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(((Measured.Runbook) r.measured()).outcome()).isEqualTo("running");
    }

    @Test
    void noRunbookIsUnknownNeverPass() {
        History h = new History(probes("status", 0, 60_000, 100, Outcome.OK));

        assertThat(new RunbookChecker().check(h, TARGETS).verdict()).isEqualTo(Verdict.UNKNOWN);
    }
}
