package casedrill.check;

import static casedrill.check.Literal.concat;
import static casedrill.check.Literal.fault;
import static casedrill.check.Literal.heal;
import static casedrill.check.Literal.lastingFault;
import static casedrill.check.Literal.probes;
import static casedrill.history.Outcome.FAILED;
import static casedrill.history.Outcome.OK;
import static casedrill.history.Outcome.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import casedrill.history.Event;
import casedrill.history.History;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryTimeCheckerTest {
    private static final Targets RTO_30S = Targets.none().withRto(Duration.ofSeconds(30));
    private final RecoveryTimeChecker checker = new RecoveryTimeChecker();

    private static History history(List<Event> events, long endMs) {
        List<Event> all = concat(events, List.of(new Event.DrillEnded(endMs, "completed")));
        return new History(all);
    }

    private static long rtoOf(History h, String tx) {
        List<Disruption> ds = RecoveryTimeChecker.measure(h, RecoveryCriteria.DEFAULT).get(tx);
        return ds.stream().mapToLong(Disruption::rtoMs).max().orElseThrow();
    }

    @Test
    void noOutageMeansRtoZero() {
        History h = history(concat(probes("status", 0, 60_000, 100, OK), List.of(fault(10_000))), 60_000);
        CheckResult r = checker.check(h, RTO_30S);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.measured().inSeconds()).hasValue(0.00);
    }

    @Test
    void oneOutageMeasuresFromFaultToFirstStableSuccess() {
        History h = history(concat(
                probes("status", 0, 10_000, 100, OK),
                probes("status", 10_000, 15_000, 100, FAILED),
                probes("status", 15_000, 60_000, 100, OK),
                List.of(fault(10_000))), 60_000);
        assertThat(rtoOf(h, "status")).isEqualTo(5_000);
        assertThat(checker.check(h, RTO_30S).verdict()).isEqualTo(Verdict.PASS);
        assertThat(checker.check(h, Targets.none().withRto(Duration.ofSeconds(4))).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(RecoveryTimeChecker.measure(h, RecoveryCriteria.DEFAULT).get("status")).as("recovery held")
                .extracting(Disruption::cause).containsExactly(Disruption.Cause.FAULT);
        assertThat(checker.check(h, RTO_30S).explanation())
                .endsWith("status: fault at 10.00 s, recovered at 15.00 s, held to 25.00 s: RTO 5.00 s");
    }

    @Test
    void gatlingFailuresAfterTheProbesRecoveredDelayRecovery() {
        History h = history(concat(
                probes("status", 0, 10_000, 100, OK),
                probes("status", 10_000, 15_000, 100, FAILED),
                probes("status", 15_000, 60_000, 100, OK),
                List.of(fault(10_000)),
                List.of(loadSecond("status", 15_000, OK, 2), loadSecond("status", 15_000, FAILED, 38),
                        loadSecond("status", 16_000, OK, 5), loadSecond("status", 16_000, FAILED, 35),
                        loadSecond("status", 17_000, OK, 40), loadSecond("status", 18_000, OK, 40))), 60_000);
        assertThat(rtoOf(h, "status")).as("probes alone recovered at 15 s, but the load still failed in seconds 15 and 16 "
                + "(dated 15.999 s and 16.999 s): the first success from which every window holds is the probe at 17 s")
                .isEqualTo(7_000);
    }

    @Test
    void gatlingSuccessesAloneShowNoOutage() {
        History h = history(concat(List.of(fault(10_000)),
                List.of(loadSecond("intake", 9_000, OK, 40), loadSecond("intake", 10_000, OK, 40),
                        loadSecond("intake", 11_000, OK, 40))), 30_000);
        assertThat(rtoOf(h, "intake")).isZero();
    }

    private static Event.LoadSecond loadSecond(String tx, long second, casedrill.history.Outcome outcome, long count) {
        return new Event.LoadSecond(second, tx, outcome, count, 1000, 2000, 3000, 4000, "");
    }

    @Test
    void briefSuccessBetweenTwoOutagesIsNotRecovery() {
        History h = history(concat(
                probes("intake", 0, 10_000, 100, OK),
                probes("intake", 10_000, 13_000, 100, FAILED),
                probes("intake", 13_000, 13_300, 100, OK),
                probes("intake", 13_300, 16_000, 100, UNKNOWN),
                probes("intake", 16_000, 60_000, 100, OK),
                List.of(fault(10_000))), 60_000);
        assertThat(rtoOf(h, "intake")).as("stability window rejects the 300 ms blip").isEqualTo(6_000);
    }

    @Test
    void neverRecoveredFails() {
        History h = history(concat(
                probes("status", 0, 10_000, 100, OK),
                probes("status", 10_000, 40_000, 100, FAILED),
                List.of(fault(10_000))), 40_000);
        CheckResult r = checker.check(h, RTO_30S);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.explanation()).contains("not recovered by end");
    }

    @Test
    void outageBeforeTheFaultIsNotRto() {
        History h = history(concat(
                probes("status", 0, 2_000, 100, OK),
                probes("status", 2_000, 4_000, 100, FAILED),
                probes("status", 4_000, 60_000, 100, OK),
                List.of(fault(10_000))), 60_000);
        assertThat(rtoOf(h, "status")).isZero();
        assertThat(new SteadyStateChecker().check(h, RTO_30S).verdict())
                .as("the early outage fails the steady state instead").isEqualTo(Verdict.FAIL);
    }

    @Test
    void faultAfterRecoveryStartsASecondDisruptionAndOverallIsTheMax() {
        History h = history(concat(
                probes("status", 0, 10_000, 100, OK),
                probes("status", 10_000, 12_000, 100, FAILED),
                probes("status", 12_000, 40_000, 100, OK),
                probes("status", 40_000, 47_000, 100, FAILED),
                probes("status", 47_000, 70_000, 100, OK),
                probes("intake", 0, 70_000, 100, OK),
                List.of(fault(10_000), fault(11_000), fault(40_000))), 70_000);
        List<Disruption> ds = RecoveryTimeChecker.measure(h, RecoveryCriteria.DEFAULT).get("status");
        assertThat(ds).extracting(Disruption::faultMs).containsExactly(10_000L, 40_000L);
        assertThat(ds).extracting(Disruption::rtoMs).containsExactly(2_000L, 7_000L);
        assertThat(checker.check(h, RTO_30S).measured().inSeconds()).hasValue(7.00);
        assertThat(ds).extracting(Disruption::cause).as("the outage at 40 s is the second fault's disruption, not an unprovoked one")
                .containsOnly(Disruption.Cause.FAULT);
    }

    @Test
    void anOutageAfterALastingRecoveryWithNoFaultActiveIsItsOwnUnprovokedDisruption() {
        // A Patroni-only crash with multi-host routing: the stale primary serves for a ttl, then writes fail.
        // Until issue 16 this fall was named but not counted (RTO 0.00 s); by the amended definition it has its own RTO.
        History h = history(concat(
                probes("intake", 0, 25_000, 100, OK),
                probes("intake", 25_000, 30_000, 100, FAILED),
                probes("intake", 30_000, 60_000, 100, OK),
                probes("status", 0, 60_000, 100, OK),
                List.of(fault(10_000))), 60_000);
        CheckResult r = checker.check(h, RTO_30S);
        assertThat(r.measured().inSeconds()).as("the unprovoked disruption's RTO, 25 s to 30 s").hasValue(5.00);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(checker.check(h, Targets.none().withRto(Duration.ofSeconds(4))).verdict())
                .as("it counts against the target").isEqualTo(Verdict.FAIL);
        assertThat(RecoveryTimeChecker.measure(h, RecoveryCriteria.DEFAULT).get("intake"))
                .extracting(Disruption::cause, Disruption::faultMs, Disruption::rtoMs)
                .containsExactly(tuple(Disruption.Cause.FAULT, 10_000L, 0L), tuple(Disruption.Cause.UNPROVOKED, 25_000L, 5_000L));
        assertThat(r.explanation()).contains("intake: fault at 10.00 s, no request failed, held to 20.00 s: RTO 0.00 s; "
                + "unprovoked, after recovery: fell at 25.00 s, recovered at 30.00 s, held to 40.00 s: RTO 5.00 s");
    }

    @Test
    void aFallWhileTheFaultIsActiveReopensTheDisruptionAndMovesTRecovered() {
        History h = history(concat(
                probes("status", 0, 10_000, 100, OK),
                probes("status", 10_000, 15_000, 100, FAILED),
                probes("status", 15_000, 30_000, 100, OK),
                probes("status", 30_000, 33_000, 100, FAILED),
                probes("status", 33_000, 80_000, 100, OK),
                List.of(lastingFault(10_000, "kill", "kill-pg", "node:pg-dc1"), heal(50_000, "kill", "kill-pg", "node:pg-dc1"))),
                80_000);
        List<Disruption> ds = RecoveryTimeChecker.measure(h, RecoveryCriteria.DEFAULT).get("status");
        assertThat(ds).as("held 15 s after 15 s, but pg-dc1 was still down at 30 s").singleElement().satisfies(d -> {
            assertThat(d.recoveredMs()).hasValue(33_000);
            assertThat(d.rtoMs()).isEqualTo(23_000);
            assertThat(d.holdUntilMs()).as("healed at 50 s plus the stability period").isEqualTo(60_000);
            assertThat(d.reopened()).contains(new Disruption.Reopening(15_000, 30_000, List.of("kill-pg")));
        });
        CheckResult r = checker.check(h, RTO_30S);
        assertThat(r.measured().inSeconds()).hasValue(23.00);
        assertThat(r.explanation()).contains("status: fault at 10.00 s, held from 15.00 s, fell again at 30.00 s while kill-pg "
                + "was active (reopened), recovered at 33.00 s, held to 60.00 s: RTO 23.00 s");
        assertThat(checker.check(h, Targets.none().withRto(Duration.ofSeconds(20))).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aFallAfterEveryHealPlusTheStabilityPeriodIsASeparateDisruptionThatCanFailTheTarget() {
        History h = history(concat(
                probes("status", 0, 10_000, 100, OK),
                probes("status", 10_000, 14_000, 100, FAILED),
                probes("status", 14_000, 40_000, 100, OK),
                probes("status", 40_000, 46_000, 100, FAILED),
                probes("status", 46_000, 80_000, 100, OK),
                List.of(lastingFault(10_000, "partition", "cut", "wan(dc1,dc2)"), heal(20_000, "partition", "cut", "wan(dc1,dc2)"))),
                80_000);
        List<Disruption> ds = RecoveryTimeChecker.measure(h, RecoveryCriteria.DEFAULT).get("status");
        assertThat(ds).extracting(Disruption::cause, Disruption::faultMs, Disruption::rtoMs, Disruption::holdUntilMs)
                .as("the fault's disruption held to 30 s (healed at 20 s + 10 s); the fall at 40 s is its own")
                .containsExactly(tuple(Disruption.Cause.FAULT, 10_000L, 4_000L, 30_000L),
                        tuple(Disruption.Cause.UNPROVOKED, 40_000L, 6_000L, 56_000L));
        CheckResult r = checker.check(h, Targets.none().withRto(Duration.ofSeconds(5)));
        assertThat(r.verdict()).as("the fault's 4 s meets 5 s, the unprovoked 6 s does not").isEqualTo(Verdict.FAIL);
        assertThat(r.measured().inSeconds()).hasValue(6.00);
        assertThat(r.explanation()).contains("unprovoked, after recovery: fell at 40.00 s, recovered at 46.00 s");
    }

    @Test
    void aPowerLossHealedAfterTheDrillEndedKeepsTheDisruptionOpenToTheEnd() {
        // the power loss is only healed by the clean-up after drill_ended, so dc1 was down for the whole drill
        History h = history(concat(
                probes("intake", 0, 10_000, 100, OK),
                probes("intake", 10_000, 14_000, 100, FAILED),
                probes("intake", 14_000, 80_000, 100, OK),
                probes("intake", 80_000, 82_000, 100, FAILED),
                probes("intake", 82_000, 90_000, 100, OK),
                List.of(lastingFault(10_000, "power-loss", "dc1-down", "site:dc1"), heal(95_000, "power-loss", "dc1-down", "site:dc1"))),
                90_000);
        List<Disruption> ds = RecoveryTimeChecker.measure(h, RecoveryCriteria.DEFAULT).get("intake");
        assertThat(ds).singleElement().satisfies(d -> {
            assertThat(d.cause()).isEqualTo(Disruption.Cause.FAULT);
            assertThat(d.recoveredMs()).as("the start of the last good stretch").hasValue(82_000);
            assertThat(d.rtoMs()).isEqualTo(72_000);
            assertThat(d.reopened()).contains(new Disruption.Reopening(14_000, 80_000, List.of("dc1-down")));
        });
        assertThat(checker.check(h, RTO_30S).explanation()).contains("while dc1-down was active (reopened)").contains("held to the end");
    }

    @Test
    void aFallInTheStabilityPeriodAfterTheLastHealStillReopens() {
        History h = history(concat(
                probes("intake", 0, 10_000, 100, OK),
                probes("intake", 10_000, 14_000, 100, FAILED),
                probes("intake", 14_000, 42_000, 100, OK),
                probes("intake", 42_000, 43_000, 100, FAILED),
                probes("intake", 43_000, 90_000, 100, OK),
                List.of(lastingFault(10_000, "power-loss", "dc1-down", "site:dc1"), heal(40_000, "power-loss", "dc1-down", "site:dc1"))),
                90_000);
        assertThat(RecoveryTimeChecker.measure(h, RecoveryCriteria.DEFAULT).get("intake")).singleElement().satisfies(d -> {
            assertThat(d.recoveredMs()).hasValue(43_000);
            assertThat(d.reopened()).contains(new Disruption.Reopening(14_000, 42_000, List.of()));
        });
        assertThat(checker.check(h, RTO_30S).explanation()).contains("fell again at 42.00 s within the stability period after the last heal");
    }

    @Test
    void aFaultInjectedBeforeTheDisruptionRecoveredJoinsIt() {
        History h = history(concat(
                probes("status", 0, 10_000, 100, OK),
                probes("status", 10_000, 12_000, 100, FAILED),
                probes("status", 12_000, 30_000, 100, OK),
                probes("status", 30_000, 31_000, 100, FAILED),
                probes("status", 31_000, 80_000, 100, OK),
                List.of(lastingFault(10_000, "kill", "kill-a", "node:app-dc1-a"), heal(25_000, "kill", "kill-a", "node:app-dc1-a"),
                        lastingFault(28_000, "kill", "kill-b", "node:app-dc1-b"), heal(45_000, "kill", "kill-b", "node:app-dc1-b"))),
                80_000);
        assertThat(RecoveryTimeChecker.measure(h, RecoveryCriteria.DEFAULT).get("status"))
                .as("kill-b came at 28 s, before kill-a's disruption had held to 35 s").singleElement().satisfies(d -> {
                    assertThat(d.rtoMs()).isEqualTo(21_000);
                    assertThat(d.holdUntilMs()).isEqualTo(55_000);
                    assertThat(d.reopened()).contains(new Disruption.Reopening(12_000, 30_000, List.of("kill-b")));
                });
    }

    @Test
    void olderHistoriesMatchHealsByTheTargetsFirstWord() {
        // Before issue 16 fault_injected had no name and no lasting flag: a heal of the same first word says it lasted.
        List<Event> signal = concat(
                probes("status", 0, 10_000, 100, OK),
                probes("status", 10_000, 14_000, 100, FAILED),
                probes("status", 14_000, 35_000, 100, OK),
                probes("status", 35_000, 37_000, 100, FAILED),
                probes("status", 37_000, 80_000, 100, OK));
        History healed = history(concat(signal, List.of(new Event.FaultInjected(10_000, "power-loss", "dc1-down site:dc1"),
                new Event.FaultHealed(40_000, "power-loss", "dc1-down site:dc1"))), 80_000);
        History unhealed = history(concat(signal, List.of(new Event.FaultInjected(10_000, "restart", "bounce node:app-dc1-a"))), 80_000);

        assertThat(RecoveryTimeChecker.measure(healed, RecoveryCriteria.DEFAULT).get("status"))
                .extracting(Disruption::cause, Disruption::rtoMs).containsExactly(tuple(Disruption.Cause.FAULT, 27_000L));
        assertThat(checker.check(healed, RTO_30S).explanation()).contains("while dc1-down was active (reopened)");
        assertThat(RecoveryTimeChecker.measure(unhealed, RecoveryCriteria.DEFAULT).get("status"))
                .as("a fault never healed in an older history was a one-off action")
                .extracting(Disruption::cause, Disruption::rtoMs)
                .containsExactly(tuple(Disruption.Cause.FAULT, 4_000L), tuple(Disruption.Cause.UNPROVOKED, 2_000L));
    }

    @Test
    void recoveryNearTheEndNeedsOnlyTheRemainingTime() {
        History h = history(concat(
                probes("status", 0, 10_000, 100, OK),
                probes("status", 10_000, 18_000, 100, FAILED),
                probes("status", 18_000, 20_000, 100, OK),
                List.of(fault(10_000))), 20_000);
        assertThat(rtoOf(h, "status")).isEqualTo(8_000);
    }

    @Test
    void noProbesIsUnknown() {
        History h = history(List.of(fault(1_000)), 5_000);
        assertThat(checker.check(h, RTO_30S).verdict()).isEqualTo(Verdict.UNKNOWN);
    }
}
