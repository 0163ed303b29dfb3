package casedrill.observer;

import java.util.Comparator;
import java.util.List;

/**
 * The observer's outage for one fault, from its own writes alone: T_recovered is the first acknowledged write sent at
 * or after T_fault from which the writes sent within one window keep an acknowledged share at or above the threshold
 * (the drill's recovery criteria, applied to the observer's own data); the outage is T_recovered − T_fault, 0 when no
 * write sent in between failed, and null when the observer never saw the edge recover.
 *
 * @param recoveredMs drill offset of the observer's T_recovered, null when never recovered
 * @param outageMs    T_recovered − T_fault (0 without a failed write), null when never recovered
 */
public record ObserverOutage(long faultMs, Long recoveredMs, Long outageMs) {
    public static ObserverOutage of(List<ObservedWrite> writes, long faultMs, long windowMs, double threshold) {
        List<ObservedWrite> after = writes.stream().filter(w -> w.sentMs() >= faultMs)
                .sorted(Comparator.comparingLong(ObservedWrite::sentMs)).toList();
        for (int i = 0; i < after.size(); i++) {
            if (after.get(i).acknowledged() && holds(after, i, windowMs, threshold)) {
                long recovered = after.get(i).sentMs();
                boolean failedBefore = after.subList(0, i).stream().anyMatch(w -> !w.acknowledged());
                return new ObserverOutage(faultMs, recovered, failedBefore ? recovered - faultMs : 0L);
            }
        }
        return new ObserverOutage(faultMs, null, null);
    }

    private static boolean holds(List<ObservedWrite> sorted, int from, long windowMs, double threshold) {
        long end = sorted.get(from).sentMs() + windowMs;
        int all = 0;
        int acknowledged = 0;
        for (int k = from; k < sorted.size() && sorted.get(k).sentMs() < end; k++) {
            all++;
            acknowledged += sorted.get(k).acknowledged() ? 1 : 0;
        }
        return acknowledged >= threshold * all;
    }

    public boolean recovered() {
        return recoveredMs != null;
    }
}
