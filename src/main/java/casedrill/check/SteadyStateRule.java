package casedrill.check;

import casedrill.history.Event;
import casedrill.history.HistogramCodec;
import casedrill.history.History;
import casedrill.notation.Durations;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * The one rule for "the system was healthy before anything was injected", used by the drill (which refuses to inject
 * when it fails) and by the steady-state checker (which judges a history after the fact): in a window, the success
 * ratio of probes and load requests together is at least {@code minSuccessRatio}, and the p95/p99 of the successful
 * ones are at most {@code maxP95Ms}/{@code maxP99Ms} when set (null: no latency demand).
 */
public record SteadyStateRule(double minSuccessRatio, Double maxP95Ms, Double maxP99Ms) {
    /** A scenario without {@code steadyState:}: 99% success, no latency demand (as the scenario's default). */
    public static final SteadyStateRule DEFAULT = new SteadyStateRule(0.99, null, null);

    public SteadyStateRule {
        if (!(minSuccessRatio >= 0 && minSuccessRatio <= 1)) {
            throw new IllegalArgumentException("steady-state success ratio must be in [0, 1], but was " + minSuccessRatio);
        }
    }

    /** What the rule found in one window; {@code refusal} is empty when the steady state held. */
    public record Finding(long fromMs, long toMs, long requests, double successRatio, double p95Ms, double p99Ms,
                          Optional<String> refusal) {
        public String describe() {
            return String.format(Locale.ROOT, "success %.2f%% over %d requests, p95 %.1f ms, p99 %.1f ms",
                    successRatio * 100, requests, p95Ms, p99Ms);
        }

        public boolean held() {
            return refusal.isEmpty();
        }
    }

    /** Judges probes sent and load seconds started in [{@code fromMs}, {@code toMs}). */
    public Finding judge(History history, long fromMs, long toMs) {
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
            return new Finding(fromMs, toMs, 0, 0, 0, 0, Optional.of("no probe or request completed between "
                    + Durations.seconds(fromMs) + " and " + Durations.seconds(toMs) + ", so the steady state was not seen"));
        }
        double ratio = (double) good / total;
        double p95 = ok.getTotalCount() == 0 ? 0 : ok.getValueAtPercentile(95) / 1000.0;
        double p99 = ok.getTotalCount() == 0 ? 0 : ok.getValueAtPercentile(99) / 1000.0;
        String refusal = null;
        if (ratio < minSuccessRatio) {
            refusal = String.format(Locale.ROOT, "success %.2f%% is below the steady state's %s%%", ratio * 100,
                    trim(minSuccessRatio * 100));
        } else if (maxP95Ms != null && p95 > maxP95Ms) {
            refusal = String.format(Locale.ROOT, "p95 %.1f ms is above the steady state's %s ms", p95, trim(maxP95Ms));
        } else if (maxP99Ms != null && p99 > maxP99Ms) {
            refusal = String.format(Locale.ROOT, "p99 %.1f ms is above the steady state's %s ms", p99, trim(maxP99Ms));
        }
        return new Finding(fromMs, toMs, total, ratio, p95, p99, Optional.ofNullable(refusal));
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
