package casedrill.drill;

import casedrill.history.Event;
import casedrill.history.HistogramCodec;
import casedrill.history.History;
import casedrill.scenario.Durations;
import casedrill.scenario.SteadyState;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Judges the steady state under load before anything is injected: in the window after ramp-up,
 * the success ratio of probes and load requests, and the p95/p99 of successful ones, against the
 * scenario's {@code steadyState}. A refusal ends the drill inconclusive without any fault.
 */
public final class SteadyStateGate {
    private SteadyStateGate() {
    }

    /** The gate's finding; {@code refusal} is empty when the stack may be faulted. */
    public record Finding(long requests, double successRatio, double p95Ms, double p99Ms, Optional<String> refusal) {
        public String describe() {
            return String.format(Locale.ROOT, "success %.2f%% over %d requests, p95 %.1f ms, p99 %.1f ms",
                    successRatio * 100, requests, p95Ms, p99Ms);
        }
    }

    public static Finding judge(History history, SteadyState spec, long fromMs, long toMs) {
        Histogram ok = new Histogram(3);
        long total = 0;
        long good = 0;
        for (Event.Probe p : history.all(Event.Probe.class).filter(p -> p.offsetMs() >= fromMs && p.offsetMs() < toMs).toList()) {
            total++;
            if (p.outcome().ok()) {
                good++;
                ok.recordValue(Math.max(0, p.latencyMs()) * 1000);
            }
        }
        for (Event.LoadSecond s : history.all(Event.LoadSecond.class)
                .filter(s -> s.offsetMs() >= fromMs && s.offsetMs() < toMs).toList()) {
            total += s.count();
            if (s.outcome().ok()) {
                good += s.count();
                ok.add(HistogramCodec.decode(s.histogram()));
            }
        }
        if (total == 0) {
            return new Finding(0, 0, 0, 0, Optional.of("no probe or request completed between "
                    + seconds(fromMs) + " and " + seconds(toMs) + ", so the steady state was not seen"));
        }
        double ratio = (double) good / total;
        double p95 = ok.getTotalCount() == 0 ? 0 : ok.getValueAtPercentile(95) / 1000.0;
        double p99 = ok.getTotalCount() == 0 ? 0 : ok.getValueAtPercentile(99) / 1000.0;
        String refusal = null;
        if (ratio < spec.successRate().fraction()) {
            refusal = String.format(Locale.ROOT, "success %.2f%% is below the steady state's %s", ratio * 100, spec.successRate());
        } else if (spec.p95().isPresent() && p95 > spec.p95().get().toNanos() / 1e6) {
            refusal = String.format(Locale.ROOT, "p95 %.1f ms is above the steady state's %s", p95, Durations.format(spec.p95().get()));
        } else if (spec.p99().isPresent() && p99 > spec.p99().get().toNanos() / 1e6) {
            refusal = String.format(Locale.ROOT, "p99 %.1f ms is above the steady state's %s", p99, Durations.format(spec.p99().get()));
        }
        return new Finding(total, ratio, p95, p99, Optional.ofNullable(refusal));
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
