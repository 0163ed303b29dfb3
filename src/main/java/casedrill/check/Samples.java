package casedrill.check;

import casedrill.history.Event;
import casedrill.history.History;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Availability samples (send time, success) sorted by time, with prefix sums for O(log n) window ratios. */
final class Samples {
    private final long[] times;
    private final boolean[] ok;
    private final int[] okBefore;

    Samples(List<Event.Probe> probes) {
        List<Event.Probe> sorted = probes.stream().sorted((a, b) -> Long.compare(a.offsetMs(), b.offsetMs())).toList();
        times = new long[sorted.size()];
        ok = new boolean[sorted.size()];
        okBefore = new int[sorted.size() + 1];
        for (int i = 0; i < sorted.size(); i++) {
            times[i] = sorted.get(i).offsetMs();
            ok[i] = sorted.get(i).outcome().ok();
            okBefore[i + 1] = okBefore[i] + (ok[i] ? 1 : 0);
        }
    }

    /** Probe samples per transaction, in transaction-name order. */
    static Map<String, Samples> perTransaction(History history) {
        return history.all(Event.Probe.class)
                .collect(Collectors.groupingBy(Event.Probe::transaction, TreeMap::new, Collectors.toList()))
                .entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new Samples(e.getValue()),
                        (a, b) -> a, TreeMap::new));
    }

    static Samples all(History history) {
        return new Samples(history.all(Event.Probe.class).toList());
    }

    int size() {
        return times.length;
    }

    long time(int i) {
        return times[i];
    }

    boolean ok(int i) {
        return ok[i];
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

    /** Successes and total in [from, to). */
    int[] counts(long from, long to) {
        int a = firstAtOrAfter(from);
        int b = firstAtOrAfter(to);
        return new int[] {okBefore[b] - okBefore[a], b - a};
    }

    boolean anyFailureIn(long from, long to) {
        int[] c = counts(from, to);
        return c[0] < c[1];
    }
}
