package casedrill.drill;

import casedrill.check.Disruption;
import casedrill.notation.Durations;
import casedrill.check.RecoveryCriteria;
import casedrill.check.RecoveryTimeChecker;
import casedrill.history.Event;
import casedrill.history.History;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Running figures for the progress line, fed with every history event: probe outcomes over the last few seconds, the
 * last outcome per transaction, and the RTO so far — computed by {@link RecoveryTimeChecker#measure} on the events seen,
 * the same code as the verdict, so the figure the drill ends with is the one the verdict reports.
 */
public final class LiveStats implements Consumer<Event> {
    private static final long WINDOW_MS = 5_000;

    private final RecoveryCriteria criteria;
    private final long lateMs;
    private final Deque<long[]> recent = new ArrayDeque<>();
    private final Map<String, String> lastOutcome = new ConcurrentHashMap<>();
    private final List<Event> forRecovery = new ArrayList<>();
    private volatile String currentFault = "-";

    /**
     * @param criteria the scenario's recovery criteria, as the verdict uses them
     * @param lateData how long after the time it is dated an event can still arrive (a second's load counts are
     *                 written once the request timeout and a margin have passed): a recovery that had to hold until
     *                 less than that ago may still change
     */
    public LiveStats(RecoveryCriteria criteria, Duration lateData) {
        this.criteria = criteria;
        this.lateMs = lateData.toMillis();
    }

    @Override
    public synchronized void accept(Event event) {
        if (event instanceof Event.Probe p) {
            recent.addLast(new long[] {p.offsetMs(), p.outcome().ok() ? 1 : 0});
            while (!recent.isEmpty() && recent.peekFirst()[0] < p.offsetMs() - WINDOW_MS) {
                recent.removeFirst();
            }
            lastOutcome.put(p.transaction(), p.outcome().name());
        } else if (event instanceof Event.FaultInjected f) {
            currentFault = f.target();
        } else if (event instanceof Event.FaultHealed h) {
            currentFault = "healed " + h.target();
        }
        if (event instanceof Event.Probe || event instanceof Event.LoadSecond || event instanceof Event.FaultInjected
                || event instanceof Event.FaultHealed || event instanceof Event.RunbookStep) {
            forRecovery.add(event);
        }
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

    /** Every disruption so far, as the RTO checker sees the events up to {@code nowMs}. */
    public List<Disruption> disruptions(long nowMs) {
        History seen;
        synchronized (this) {
            seen = new History(List.copyOf(forRecovery));
        }
        return RecoveryTimeChecker.measure(seen, criteria, nowMs).values().stream().flatMap(List::stream).toList();
    }

    /**
     * "-" before any fault; "running 12.3 s" while a disruption has not recovered; the RTO so far (the worst
     * disruption's, as the verdict computes it) once all have, marked "provisional" until every one has held its
     * faults' heals plus the stability period and the data for that time has arrived.
     */
    public String rtoClock(long nowMs) {
        List<Disruption> all = disruptions(nowMs);
        if (all.isEmpty()) {
            return "-";
        }
        var open = all.stream().filter(d -> !d.recovered()).mapToLong(Disruption::faultMs).min();
        if (open.isPresent()) {
            return String.format(Locale.ROOT, "running %.1f s", (nowMs - open.getAsLong()) / 1000.0);
        }
        String worst = Durations.seconds(all.stream().mapToLong(Disruption::rtoMs).max().orElse(0));
        boolean settled = all.stream().allMatch(d -> d.holdUntilMs() <= nowMs - lateMs);
        return settled ? worst : worst + " provisional (until faults healed + " + criteria.stability().toSeconds() + " s)";
    }
}
