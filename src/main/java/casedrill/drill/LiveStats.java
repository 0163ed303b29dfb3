package casedrill.drill;

import casedrill.history.Event;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Running figures for the progress line, fed with every history event: probe outcomes over the
 * last few seconds, the last outcome per transaction, and the running RTO clock (since the latest
 * fault, until the probes succeed again).
 */
public final class LiveStats implements Consumer<Event> {
    private static final long WINDOW_MS = 5_000;

    private final Deque<long[]> recent = new ArrayDeque<>();
    private final Map<String, String> lastOutcome = new ConcurrentHashMap<>();
    private volatile long faultAtMs = -1;
    private volatile long recoveredAtMs = -1;
    private volatile String currentFault = "-";

    @Override
    public synchronized void accept(Event event) {
        if (event instanceof Event.Probe p) {
            recent.addLast(new long[] {p.offsetMs(), p.outcome().ok() ? 1 : 0});
            while (!recent.isEmpty() && recent.peekFirst()[0] < p.offsetMs() - WINDOW_MS) {
                recent.removeFirst();
            }
            lastOutcome.put(p.transaction(), p.outcome().name());
            if (faultAtMs >= 0 && recoveredAtMs < 0 && p.offsetMs() > faultAtMs && allOk()) {
                recoveredAtMs = p.offsetMs();
            }
        } else if (event instanceof Event.FaultInjected f) {
            faultAtMs = f.offsetMs();
            recoveredAtMs = -1;
            currentFault = f.target();
        } else if (event instanceof Event.FaultHealed h) {
            currentFault = "healed " + h.target();
        }
    }

    private boolean allOk() {
        return !lastOutcome.isEmpty() && lastOutcome.values().stream().allMatch("OK"::equals);
    }

    /** Failed share of probes in the last five seconds, 0 to 1. */
    public synchronized double errorRate() {
        if (recent.isEmpty()) {
            return 0;
        }
        long ok = recent.stream().filter(r -> r[1] == 1).count();
        return 1 - (double) ok / recent.size();
    }

    public String probes() {
        return lastOutcome.isEmpty() ? "-" : new java.util.TreeMap<>(lastOutcome).toString();
    }

    public String currentFault() {
        return currentFault;
    }

    /** "-" before any fault, "running 12.3 s" while disrupted, "recovered in 23.4 s" after. */
    public String rtoClock(long nowMs) {
        if (faultAtMs < 0) {
            return "-";
        }
        return recoveredAtMs >= 0 ? String.format(java.util.Locale.ROOT, "recovered in %.1f s", (recoveredAtMs - faultAtMs) / 1000.0)
                : String.format(java.util.Locale.ROOT, "running %.1f s", (nowMs - faultAtMs) / 1000.0);
    }
}
