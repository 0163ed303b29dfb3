package casedrill.drill;

import casedrill.history.Event;
import casedrill.history.HistogramCodec;
import casedrill.scenario.AbortCondition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * The scenario's abort conditions, evaluated live on what the load recorder (its closed seconds) and the
 * canary probes reported in the last {@value #WINDOW_MS} ms, optionally of one transaction. The window is
 * two seconds because the recorder reports each second once it is over: every moment then sees at least
 * one whole second of load. A condition fires once it has held continuously for its {@code for:};
 * latencies count successful requests only.
 */
final class AbortWatch implements Consumer<Event> {
    static final long WINDOW_MS = 2_000;

    private final List<AbortCondition> conditions;
    private final LongSupplier now;
    private final Deque<Sample> recent = new ArrayDeque<>();
    private final Map<AbortCondition, Long> holdingSince = new HashMap<>();

    /** What fired: the condition as written, its last value (% or ms), how long it had held. */
    record Fired(String condition, double value, long heldMs) {
        String describe() {
            return String.format(Locale.ROOT, "'%s' held for %.1f s (last value %.1f)", condition, heldMs / 1000.0, value);
        }
    }

    /** One report: a probe, or one closed second of one transaction and outcome from the recorder. */
    private record Sample(long arrivedMs, String transaction, long ok, long failed, Histogram okMicros) {}

    AbortWatch(List<AbortCondition> conditions, LongSupplier now) {
        this.conditions = List.copyOf(conditions);
        this.now = now;
    }

    @Override
    public void accept(Event event) {
        if (conditions.isEmpty()) {
            return;
        }
        Sample sample = null;
        if (event instanceof Event.Probe p) {
            sample = probe(p);
        } else if (event instanceof Event.LoadSecond s) {
            sample = loadSecond(s);
        }
        if (sample != null) {
            synchronized (this) {
                recent.addLast(sample);
            }
        }
    }

    private Sample probe(Event.Probe p) {
        Histogram latency = null;
        if (p.outcome().ok()) {
            latency = new Histogram(3);
            latency.recordValue(Math.max(0, p.latencyMs()) * 1000);
        }
        return new Sample(now.getAsLong(), p.transaction(), p.outcome().ok() ? 1 : 0, p.outcome().ok() ? 0 : 1, latency);
    }

    private Sample loadSecond(Event.LoadSecond s) {
        boolean ok = s.outcome().ok();
        Histogram latency = ok && s.histogram() != null && !s.histogram().isEmpty() ? HistogramCodec.decode(s.histogram()) : null;
        return new Sample(now.getAsLong(), s.transaction(), ok ? s.count() : 0, ok ? 0 : s.count(), latency);
    }

    /** The first condition that has held for its duration at {@code nowMs}. */
    synchronized Optional<Fired> fired(long nowMs) {
        while (!recent.isEmpty() && recent.peekFirst().arrivedMs() <= nowMs - WINDOW_MS) {
            recent.removeFirst();
        }
        for (AbortCondition c : conditions) {
            Optional<Double> value = value(c);
            if (value.isPresent() && c.comparison().holds(value.get(), c.threshold())) {
                long since = holdingSince.computeIfAbsent(c, k -> nowMs);
                if (nowMs - since >= c.holdFor().toMillis()) {
                    return Optional.of(new Fired(c.text(), value.get(), nowMs - since));
                }
            } else {
                holdingSince.remove(c);
            }
        }
        return Optional.empty();
    }

    private Optional<Double> value(AbortCondition c) {
        List<Sample> samples = recent.stream().filter(s -> c.transaction().map(s.transaction()::equals).orElse(true)).toList();
        long ok = samples.stream().mapToLong(Sample::ok).sum();
        long failed = samples.stream().mapToLong(Sample::failed).sum();
        if (ok + failed == 0) {
            return Optional.empty();
        }
        if (!c.isLatency()) {
            double failedPercent = failed * 100.0 / (ok + failed);
            return Optional.of(c.metric().equals("errorRate") ? failedPercent : 100 - failedPercent);
        }
        Histogram merged = new Histogram(3);
        samples.stream().map(Sample::okMicros).filter(h -> h != null).forEach(merged::add);
        if (merged.getTotalCount() == 0) {
            return Optional.empty();
        }
        double percentile = switch (c.metric()) {
            case "p50" -> 50.0;
            case "p95" -> 95.0;
            default -> 99.0;
        };
        return Optional.of(merged.getValueAtPercentile(percentile) / 1000.0);
    }
}
