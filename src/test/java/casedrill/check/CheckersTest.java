package casedrill.check;

import static casedrill.check.Literal.concat;
import static casedrill.check.Literal.fault;
import static casedrill.check.Literal.probes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.history.Event;
import casedrill.history.HistogramCodec;
import casedrill.history.History;
import casedrill.history.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class CheckersTest {
    private static final Checker CRASHING = new Checker() {
        @Override
        public String name() {
            return "crashing";
        }

        @Override
        public CheckResult check(History history, Targets targets) {
            throw new IllegalStateException("boom");
        }
    };

    @Test
    void crashingCheckerGivesUnknownNeverPass() {
        List<CheckResult> results = Checkers.run(List.of(CRASHING), History.of(), Targets.none());
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
            assertThat(r.explanation()).contains("boom");
        });
    }

    @Test
    void failBeatsUnknownBeatsPass() {
        CheckResult pass = new CheckResult("a", Verdict.PASS, null, "");
        CheckResult unknown = new CheckResult("b", Verdict.UNKNOWN, null, "");
        CheckResult fail = new CheckResult("c", Verdict.FAIL, null, "");
        assertThat(Checkers.overall(List.of(pass, pass))).isEqualTo(Verdict.PASS);
        assertThat(Checkers.overall(List.of(pass, unknown))).isEqualTo(Verdict.UNKNOWN);
        assertThat(Checkers.overall(List.of(unknown, fail, pass))).isEqualTo(Verdict.FAIL);
    }

    @Test
    void registryKnowsEveryCheckerByName() {
        assertThat(Checkers.names()).containsExactly("steady-state", "rto", "rpo", "split-brain", "error-budget", "failed-requests", "latency", "runbook");
        assertThat(Checkers.byName("rto")).isInstanceOf(RecoveryTimeChecker.class);
        assertThatThrownBy(() -> Checkers.byName("rtt")).hasMessageContaining("unknown checker 'rtt'");
    }

    @Test
    void errorBudgetCountsProbesAndLoadInsideAndOutsideDisruption() {
        History h = new History(concat(
                probes("status", 0, 10_000, 100, Outcome.OK),
                probes("status", 10_000, 12_000, 100, Outcome.FAILED),
                probes("status", 12_000, 30_000, 100, Outcome.OK),
                List.of(fault(10_000), loadSecond(5_000, Outcome.OK, 100, 2_000),
                        loadSecond(11_000, Outcome.FAILED, 50, 1_000), new Event.DrillEnded(30_000, "completed"))));
        Targets targets = Targets.none().withErrorRates(0.1, 0.5);
        CheckResult r = new ErrorBudgetChecker().check(h, targets);
        assertThat(r.explanation()).startsWith("70 of 450 requests failed; in disruption 70 of 70");
        assertThat(r.verdict()).as("disruption error rate 100 %% exceeds 50 %%").isEqualTo(Verdict.FAIL);
        assertThat(new ErrorBudgetChecker().check(h, Targets.none().withErrorRates(0.2, null)).verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void failedRequestsCountsEveryFailureOfProbesAndLoadAgainstAnAbsoluteLimit() {
        History clean = new History(concat(probes("status", 0, 10_000, 100, Outcome.OK),
                List.of(loadSecond(5_000, Outcome.OK, 100, 2_000), new Event.DrillEnded(10_000, "completed"))));
        CheckResult zero = new FailedRequestsChecker().check(clean, Targets.none().withMaxFailedRequests(0L));
        assertThat(zero.verdict()).as("no failure at all").isEqualTo(Verdict.PASS);
        assertThat(zero.measured()).isEqualTo(Measured.Requests.of(0, ((Measured.Requests) zero.measured()).total(), 0, 0));

        History oneTimeout = new History(concat(probes("status", 0, 10_000, 100, Outcome.OK),
                List.of(loadSecond(5_000, Outcome.OK, 99, 2_000), loadSecond(6_000, Outcome.UNKNOWN, 1, 2_000_000),
                        new Event.DrillEnded(10_000, "completed"))));
        CheckResult one = new FailedRequestsChecker().check(oneTimeout, Targets.none().withMaxFailedRequests(0L));
        assertThat(one.verdict()).as("one timed-out request against a zero-outage promise").isEqualTo(Verdict.FAIL);
        assertThat(one.explanation()).startsWith("1 of 200 requests failed between 6.0 s and 6.0 s");
        assertThat(new FailedRequestsChecker().check(oneTimeout, Targets.none().withMaxFailedRequests(1L)).verdict())
                .as("one allowed").isEqualTo(Verdict.PASS);
        assertThat(new FailedRequestsChecker().check(oneTimeout, Targets.none()).verdict()).as("no target")
                .isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void latencyPerPhaseFromMergedHistograms() {
        History h = new History(concat(
                List.of(fault(10_000), loadSecond(5_000, Outcome.OK, 1_000, 2_000),
                        loadSecond(11_000, Outcome.OK, 1_000, 900_000),
                        new Event.DrillEnded(12_000, "completed")),
                probes("status", 0, 10_000, 1_000, Outcome.OK),
                probes("status", 10_000, 12_000, 1_000, Outcome.FAILED)));
        List<LatencyChecker.PhaseLatency> phases = LatencyChecker.measure(h, RecoveryCriteria.DEFAULT);
        assertThat(phases).extracting(LatencyChecker.PhaseLatency::phase).containsExactly("baseline", "disruption");
        assertThat(phases.get(1).p99Micros()).isBetween(899_000L, 901_000L);
        Targets targets = Targets.none().withP99(Map.of("disruption", Duration.ofMillis(500)));
        assertThat(new LatencyChecker().check(h, targets).verdict()).isEqualTo(Verdict.FAIL);
        targets = Targets.none().withP99(Map.of("baseline", Duration.ofMillis(50)));
        assertThat(new LatencyChecker().check(h, targets).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void definitionsAreAvailableAsText() {
        assertThat(Definitions.markdown()).contains("T_recovered").contains("Split brain").contains("stale primary");
    }

    private static Event.LoadSecond loadSecond(long atMs, Outcome outcome, long count, long micros) {
        Histogram hist = new Histogram(3);
        hist.recordValueWithCount(micros, count);
        return new Event.LoadSecond(atMs, "status", outcome, count, micros, micros, micros, micros,
                HistogramCodec.encode(hist));
    }
}
