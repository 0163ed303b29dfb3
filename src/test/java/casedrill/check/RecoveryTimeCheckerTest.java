package casedrill.check;

import static casedrill.check.Literal.concat;
import static casedrill.check.Literal.fault;
import static casedrill.check.Literal.probes;
import static casedrill.history.Outcome.FAILED;
import static casedrill.history.Outcome.OK;
import static casedrill.history.Outcome.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(RecoveryTimeChecker.relapses(h, RecoveryCriteria.DEFAULT)).as("recovery held").isEmpty();
        assertThat(checker.check(h, RTO_30S).explanation()).doesNotContain("after recovering");
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
        assertThat(RecoveryTimeChecker.relapses(h, RecoveryCriteria.DEFAULT))
                .as("the outage at 40 s is the second fault's disruption, not a relapse").isEmpty();
    }

    @Test
    void anOutageAfterALastingRecoveryWithNoNewFaultIsReportedButNotCountedInTheRto() {
        // A Patroni-only crash with multi-host routing: the stale primary serves for a ttl, then writes fail.
        History h = history(concat(
                probes("intake", 0, 25_000, 100, OK),
                probes("intake", 25_000, 30_000, 100, FAILED),
                probes("intake", 30_000, 60_000, 100, OK),
                probes("status", 0, 60_000, 100, OK),
                List.of(fault(10_000))), 60_000);
        CheckResult r = checker.check(h, RTO_30S);
        assertThat(r.measured().inSeconds()).as("RTO by the definition: served throughout the stability period").hasValue(0.00);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(RecoveryTimeChecker.relapses(h, RecoveryCriteria.DEFAULT)).containsExactly(java.util.Map.entry("intake", 25_000L));
        assertThat(r.explanation()).endsWith("; after recovering, success fell below 95.000 % again with no new fault: "
                + "intake at 25.00 s (not counted in the RTO by the definition; the error budget counts those requests)");
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
