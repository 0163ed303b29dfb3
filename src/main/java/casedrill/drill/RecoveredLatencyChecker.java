package casedrill.drill;

import casedrill.check.CheckResult;
import casedrill.check.Checker;
import casedrill.check.LatencyChecker;
import casedrill.check.RecoveryCriteria;
import casedrill.check.Targets;
import casedrill.check.Verdict;
import casedrill.history.History;
import java.time.Duration;
import java.util.Optional;

/**
 * A scenario's {@code recovered: {p95, p99}}: latency of successful requests in the recovered phase
 * (after the disruption), from the same per-phase histograms the latency checker uses.
 */
record RecoveredLatencyChecker(Optional<Duration> p95, Optional<Duration> p99, RecoveryCriteria criteria) implements Checker {
    static final String NAME = "recovered-latency";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(History history, Targets targets) {
        Optional<LatencyChecker.PhaseLatency> recovered = LatencyChecker.measure(history, criteria).stream()
                .filter(p -> p.phase().equals("recovered")).findFirst();
        if (recovered.isEmpty()) {
            return CheckResult.unknown(NAME, "no successful request after recovery, so its latency is unknown");
        }
        LatencyChecker.PhaseLatency r = recovered.get();
        String over = "";
        if (p95.isPresent() && r.p95Micros() > p95.get().toNanos() / 1000) {
            over += "p95 above " + p95.get().toMillis() + " ms; ";
        }
        if (p99.isPresent() && r.p99Micros() > p99.get().toNanos() / 1000) {
            over += "p99 above " + p99.get().toMillis() + " ms; ";
        }
        String line = "recovered phase, " + r.count() + " successful requests and probes";
        return new CheckResult(NAME, over.isEmpty() ? Verdict.PASS : Verdict.FAIL, LatencyChecker.latency(java.util.List.of(r)), over + line);
    }
}
