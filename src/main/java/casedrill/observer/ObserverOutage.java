package casedrill.observer;

import java.util.Comparator;
import java.util.List;

/**
 * The observer's outage for one fault, from its own writes alone, by the drill's recovery rule applied to its own data:
 * T_recovered is the first acknowledged write sent at or after T_fault from which every window (one starting at each
 * write) keeps an acknowledged share at or above the threshold for the stability period, or until its last write. So a
 * fault that takes effect a moment after T_fault, or a lone success while the edge still fails, is no recovery. The
 * outage is T_recovered − T_fault, 0 when no write sent in between failed, and null when it never saw a recovery.
 *
 * @param recoveredMs drill offset of the observer's T_recovered, null when never recovered
 * @param outageMs    T_recovered − T_fault (0 without a failed write), null when never recovered
 */
public record ObserverOutage(long faultMs, Long recoveredMs, Long outageMs) {
    /** The drill's recovery criteria, as plain numbers (this package imports no other casedrill package). */
    public record Criteria(long windowMs, double threshold, long stabilityMs) {
    }

    public static ObserverOutage of(List<ObservedWrite> writes, long faultMs, Criteria criteria) {
        List<ObservedWrite> after = writes.stream().filter(w -> w.sentMs() >= faultMs)
                .sorted(Comparator.comparingLong(ObservedWrite::sentMs)).toList();
        int[] ackedBefore = new int[after.size() + 1];
        for (int i = 0; i < after.size(); i++) {
            ackedBefore[i + 1] = ackedBefore[i] + (after.get(i).acknowledged() ? 1 : 0);
        }
        for (int i = 0; i < after.size(); i++) {
            if (after.get(i).acknowledged() && holds(after, ackedBefore, i, criteria)) {
                long recovered = after.get(i).sentMs();
                boolean failedBefore = ackedBefore[i] < i;
                return new ObserverOutage(faultMs, recovered, failedBefore ? recovered - faultMs : 0L);
            }
        }
        return new ObserverOutage(faultMs, null, null);
    }

    /** Whether every window starting at a write in [from's send time, + stability) holds the threshold. */
    private static boolean holds(List<ObservedWrite> sorted, int[] ackedBefore, int from, Criteria c) {
        long stableUntil = sorted.get(from).sentMs() + c.stabilityMs();
        int end = from;
        for (int start = from; start < sorted.size() && sorted.get(start).sentMs() < stableUntil; start++) {
            long windowEnd = sorted.get(start).sentMs() + c.windowMs();
            end = Math.max(end, start);
            while (end < sorted.size() && sorted.get(end).sentMs() < windowEnd) {
                end++;
            }
            int all = end - start;
            int acknowledged = ackedBefore[end] - ackedBefore[start];
            if (acknowledged < c.threshold() * all) {
                return false;
            }
        }
        return true;
    }

    public boolean recovered() {
        return recoveredMs != null;
    }
}
