package casedrill.drill;

import casedrill.history.Event;
import casedrill.scenario.AbortCondition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The scenario's abort conditions on the canary probes: each metric is computed over the last
 * second of probes (optionally of one transaction); a condition fires once it has held
 * continuously for its {@code for:}. Latencies count successful probes only.
 */
final class AbortWatch implements Consumer<Event> {
    private static final long WINDOW_MS = 1_000;

    private final List<AbortCondition> conditions;
    private final Deque<Event.Probe> recent = new ArrayDeque<>();
    private final Map<AbortCondition, Long> holdingSince = new HashMap<>();

    AbortWatch(List<AbortCondition> conditions) {
        this.conditions = List.copyOf(conditions);
    }

    @Override
    public synchronized void accept(Event event) {
        if (event instanceof Event.Probe p) {
            recent.addLast(p);
        }
    }

    /** The first condition that has held for its duration at {@code nowMs}, described. */
    synchronized Optional<String> fired(long nowMs) {
        while (!recent.isEmpty() && recent.peekFirst().offsetMs() < nowMs - WINDOW_MS) {
            recent.removeFirst();
        }
        for (AbortCondition c : conditions) {
            Optional<Double> value = value(c);
            if (value.isPresent() && c.comparison().holds(value.get(), c.threshold())) {
                long since = holdingSince.computeIfAbsent(c, k -> nowMs);
                if (nowMs - since >= c.holdFor().toMillis()) {
                    return Optional.of(String.format(Locale.ROOT, "'%s' held for %.1f s (last value %.1f)", c.text(),
                            (nowMs - since) / 1000.0, value.get()));
                }
            } else {
                holdingSince.remove(c);
            }
        }
        return Optional.empty();
    }

    private Optional<Double> value(AbortCondition c) {
        List<Event.Probe> probes = recent.stream().filter(p -> c.transaction().map(t -> t.equals(p.transaction())).orElse(true)).toList();
        if (probes.isEmpty()) {
            return Optional.empty();
        }
        if (c.isLatency()) {
            List<Long> latencies = probes.stream().filter(p -> p.outcome().ok()).map(Event.Probe::latencyMs).sorted().toList();
            if (latencies.isEmpty()) {
                return Optional.empty();
            }
            double q = switch (c.metric()) {
                case "p50" -> 0.50;
                case "p95" -> 0.95;
                default -> 0.99;
            };
            return Optional.of((double) latencies.get((int) Math.min(latencies.size() - 1, Math.ceil(q * latencies.size()) - 1)));
        }
        double failed = probes.stream().filter(p -> !p.outcome().ok()).count() * 100.0 / probes.size();
        return Optional.of(c.metric().equals("errorRate") ? failed : 100 - failed);
    }
}
