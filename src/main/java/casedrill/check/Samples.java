package casedrill.check;

import casedrill.history.Event;
import casedrill.history.History;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The availability signal of DESIGN.md: every canary probe plus every Gatling request, sorted by
 * time, with prefix sums for O(log n) window ratios. Probes carry their own send time. Gatling
 * requests arrive as per-second counts ({@code load_second}). A count of successes is placed at the
 * last millisecond of its second, so a success is never dated earlier than it could have happened and
 * recovery is never reported sooner than it was seen. A count of failures is placed at the send time
 * of the latest of them ({@code lastSentMs}): at the end of its second it would push recovery up to a
 * second past the first success that the probes saw (older histories have no such time and keep the
 * end of the second). A transaction that only Gatling carries therefore has one second's resolution.
 */
final class Samples {
    /** One point of the signal: {@code ok} successes out of {@code total} requests at one time. */
    record Point(long time, long ok, long total) {
    }

    private final long[] times;
    private final long[] okCounts;
    private final long[] okBefore;
    private final long[] totalBefore;

    Samples(List<Point> points) {
        List<Point> sorted = points.stream().sorted(Comparator.comparingLong(Point::time)).toList();
        times = new long[sorted.size()];
        okCounts = new long[sorted.size()];
        okBefore = new long[sorted.size() + 1];
        totalBefore = new long[sorted.size() + 1];
        for (int i = 0; i < sorted.size(); i++) {
            Point p = sorted.get(i);
            times[i] = p.time();
            okCounts[i] = p.ok();
            okBefore[i + 1] = okBefore[i] + p.ok();
            totalBefore[i + 1] = totalBefore[i] + p.total();
        }
    }

    /** Samples per transaction, in transaction-name order. */
    static Map<String, Samples> perTransaction(History history) {
        Map<String, List<Point>> byTx = new TreeMap<>();
        history.all(Event.Probe.class).forEach(p -> byTx.computeIfAbsent(p.transaction(), t -> new ArrayList<>()).add(point(p)));
        history.all(Event.LoadSecond.class).forEach(s -> byTx.computeIfAbsent(s.transaction(), t -> new ArrayList<>()).add(point(s)));
        Map<String, Samples> result = new TreeMap<>();
        byTx.forEach((tx, points) -> result.put(tx, new Samples(points)));
        return result;
    }

    static Samples all(History history) {
        List<Point> points = new ArrayList<>();
        history.all(Event.Probe.class).forEach(p -> points.add(point(p)));
        history.all(Event.LoadSecond.class).forEach(s -> points.add(point(s)));
        return new Samples(points);
    }

    private static Point point(Event.Probe p) {
        return new Point(p.offsetMs(), p.outcome().ok() ? 1 : 0, 1);
    }

    private static Point point(Event.LoadSecond s) {
        boolean ok = s.outcome().ok();
        long time = !ok && s.lastSentMs() != null ? s.lastSentMs() : s.offsetMs() + 999;
        return new Point(time, ok ? s.count() : 0, s.count());
    }

    int size() {
        return times.length;
    }

    long time(int i) {
        return times[i];
    }

    /** Whether the sample holds at least one success (a candidate for T_recovered). */
    boolean ok(int i) {
        return okCounts[i] > 0;
    }

    /** Index of the first sample at or after {@code t}. */
    int firstAtOrAfter(long t) {
        int i = Arrays.binarySearch(times, t);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && times[i - 1] == t) {
            i--;
        }
        return i;
    }

    /** Successes and total requests in [from, to). */
    long[] counts(long from, long to) {
        int a = firstAtOrAfter(from);
        int b = firstAtOrAfter(to);
        return new long[] {okBefore[b] - okBefore[a], totalBefore[b] - totalBefore[a]};
    }

    boolean anyFailureIn(long from, long to) {
        long[] c = counts(from, to);
        return c[0] < c[1];
    }
}
