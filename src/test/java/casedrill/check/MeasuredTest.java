package casedrill.check;

import static casedrill.check.Literal.concat;
import static casedrill.check.Literal.fault;
import static casedrill.check.Literal.probes;
import static casedrill.history.Outcome.FAILED;
import static casedrill.history.Outcome.OK;
import static org.assertj.core.api.Assertions.assertThat;

import casedrill.history.Event;
import casedrill.history.History;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checkers hand their figures over as numbers: each disruption's T_fault, T_recovered and RTO per transaction; request counts. */
class MeasuredTest {
    private static History history(List<Event> events, long endMs) {
        List<Event> all = new ArrayList<>(events);
        all.add(new Event.DrillEnded(endMs, "completed"));
        return new History(all);
    }

    @Test
    void theRtoCarriesEveryDisruptionOfEveryTransaction() {
        History h = history(concat(
                probes("status", 0, 10_000, 100, OK),
                probes("status", 10_000, 12_000, 100, FAILED),
                probes("status", 12_000, 60_000, 100, OK),
                probes("intake", 0, 10_000, 100, OK),
                probes("intake", 10_000, 13_500, 100, FAILED),
                probes("intake", 13_500, 60_000, 100, OK),
                List.of(fault(10_000))), 60_000);
        CheckResult r = new RecoveryTimeChecker().check(h, Targets.none().withRto(Duration.ofSeconds(3)));

        assertThat(r.verdict()).as("intake took 3.5 s against 3 s").isEqualTo(Verdict.FAIL);
        Measured.Recovery rto = (Measured.Recovery) r.measured();
        assertThat(rto.rtoSeconds()).as("worst over transactions").isEqualTo(3.5);
        assertThat(rto.disruptions()).containsExactly(
                new Measured.TransactionDisruption("intake", 10_000, 13_500L, 3_500L),
                new Measured.TransactionDisruption("status", 10_000, 12_000L, 2_000L));
    }

    @Test
    void aDisruptionThatNeverRecoveredHasNoRtoAndNoRecoveryTime() {
        History h = history(concat(probes("status", 0, 10_000, 100, OK), probes("status", 10_000, 30_000, 100, FAILED),
                List.of(fault(10_000))), 30_000);
        Measured.Recovery rto = (Measured.Recovery) new RecoveryTimeChecker().check(h, Targets.none().withRto(Duration.ofSeconds(3))).measured();

        assertThat(rto.recovered()).isFalse();
        assertThat(rto.inSeconds()).as("no headline figure when not recovered").isEmpty();
        assertThat(rto.disruptions()).containsExactly(new Measured.TransactionDisruption("status", 10_000, null, null));
    }

    @Test
    void theErrorBudgetCountsRequestsAndItsRatioFollows() {
        History h = history(concat(probes("status", 0, 10_000, 100, OK), probes("status", 10_000, 11_000, 100, FAILED),
                probes("status", 11_000, 20_000, 100, OK), List.of(fault(10_000))), 20_000);
        CheckResult r = new ErrorBudgetChecker().check(h, Targets.none().withErrorRates(0.01, null));

        Measured.Requests requests = (Measured.Requests) r.measured();
        assertThat(requests.failed()).isEqualTo(10);
        assertThat(requests.total()).isEqualTo(200);
        assertThat(requests.asRatio()).hasValue(0.05);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    }
}
