package casedrill.check;

import casedrill.history.Event;
import casedrill.history.HistogramCodec;
import casedrill.history.History;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Latency of successful requests per phase (baseline, disruption, recovered), p50/p95/p99 from merged
 * HdrHistograms of Gatling seconds plus canary probes; fails when a phase's p99 exceeds its limit.
 */
public final class LatencyChecker implements Checker {
    public static final String NAME = "latency";

    public record PhaseLatency(String phase, long count, long p50Micros, long p95Micros, long p99Micros) {}

    @Override
    public String name() {
        return NAME;
    }

    /** Latency per phase with at least one successful request, in phase order. */
    public static List<PhaseLatency> measure(History history, RecoveryCriteria criteria) {
        Phases phases = new Phases(history, criteria);
        Map<String, Histogram> byPhase = new LinkedHashMap<>();
        Phases.ALL.forEach(p -> byPhase.put(p, new Histogram(3)));
        history.all(Event.LoadSecond.class).filter(s -> s.outcome().ok()).forEach(s ->
                byPhase.get(phases.phaseAt(s.offsetMs())).add(HistogramCodec.decode(s.histogram())));
        history.all(Event.Probe.class).filter(p -> p.outcome().ok()).forEach(p ->
                byPhase.get(phases.phaseAt(p.offsetMs())).recordValue(Math.max(0, p.latencyMs()) * 1000));
        List<PhaseLatency> result = new ArrayList<>();
        byPhase.forEach((phase, h) -> {
            if (h.getTotalCount() > 0) {
                result.add(new PhaseLatency(phase, h.getTotalCount(), h.getValueAtPercentile(50),
                        h.getValueAtPercentile(95), h.getValueAtPercentile(99)));
            }
        });
        return result;
    }

    /** The measured percentiles as numbers, in milliseconds. */
    public static Measured.Latency latency(List<PhaseLatency> phases) {
        return new Measured.Latency(phases.stream().map(p -> new Measured.PhaseLatency(p.phase(), p.count(), p.p50Micros() / 1000.0,
                p.p95Micros() / 1000.0, p.p99Micros() / 1000.0)).toList());
    }

    @Override
    public CheckResult check(History history, Targets targets) {
        if (targets.p99ByPhase().isEmpty()) {
            return CheckResult.unknown(NAME, "no latency target set");
        }
        List<PhaseLatency> measured = measure(history, targets.recovery());
        if (measured.isEmpty()) {
            return CheckResult.unknown(NAME, "no successful request in the history, so latency is unknown");
        }
        StringBuilder line = new StringBuilder();
        String worst = null;
        for (PhaseLatency p : measured) {
            line.append(String.format(Locale.ROOT, "%s p50 %.1f / p95 %.1f / p99 %.1f ms; ", p.phase(),
                    p.p50Micros() / 1000.0, p.p95Micros() / 1000.0, p.p99Micros() / 1000.0));
            Duration limit = targets.p99ByPhase().get(p.phase());
            if (limit != null && p.p99Micros() > limit.toNanos() / 1000 && worst == null) {
                worst = p.phase() + " p99 " + p.p99Micros() / 1000.0 + " ms > " + limit.toMillis() + " ms";
            }
        }
        return CheckResult.judged(NAME, worst == null, latency(measured),
                (worst == null ? "" : worst + "; ") + line.toString().trim());
    }
}
