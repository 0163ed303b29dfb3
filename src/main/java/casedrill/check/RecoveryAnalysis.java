package casedrill.check;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * DESIGN.md "Measurement", exactly: a disruption starts at the first fault (T_fault); a fault injected after the
 * previous disruption recovered starts a new one. T_recovered is the first successful sample at or after T_fault
 * from which every sliding window (one starting at each sample) keeps a success ratio at or above the threshold,
 * for the stability period, or until the drill ends, or until the next fault (that one opens a new disruption).
 */
final class RecoveryAnalysis {
    private RecoveryAnalysis() {}

    static List<Disruption> disruptions(Samples samples, List<Long> faultTimes, RecoveryCriteria criteria, long endMs) {
        List<Long> faults = faultTimes.stream().sorted().toList();
        List<Disruption> result = new ArrayList<>();
        int i = 0;
        while (i < faults.size()) {
            long faultMs = faults.get(i);
            OptionalLong recovered = recoveredAt(samples, faultMs, faults, criteria, endMs);
            if (recovered.isEmpty()) {
                result.add(new Disruption(faultMs, recovered, -1));
                break;
            }
            long rec = recovered.getAsLong();
            boolean degraded = samples.anyFailureIn(faultMs, rec);
            result.add(new Disruption(faultMs, recovered, degraded ? rec - faultMs : 0));
            while (i < faults.size() && faults.get(i) <= rec) {
                i++;
            }
        }
        return result;
    }

    /**
     * When the signal fell below the threshold again after {@code d} recovered, before the next fault or the end:
     * the first failed sample of the first failing window. By the definition this is no new disruption (no fault
     * started it), so it does not change the RTO; reports say it so that a recovery that did not last is not hidden
     * (a stale primary's writes can fail only once Patroni's ttl has expired, long after the stability period).
     */
    static OptionalLong relapse(Samples s, Disruption d, List<Long> faultTimes, RecoveryCriteria c, long endMs) {
        if (d.recoveredMs().isEmpty()) {
            return OptionalLong.empty();
        }
        long recovered = d.recoveredMs().getAsLong();
        long limit = Math.min(nextFaultAfter(faultTimes.stream().sorted().toList(), recovered), endMs);
        int failing = firstFailingWindow(s, s.firstAtOrAfter(recovered), limit, c.window().toMillis(), c.threshold());
        if (failing < 0) {
            return OptionalLong.empty();
        }
        int k = failing;
        while (k < s.size() && s.ok(k)) {
            k++;
        }
        return OptionalLong.of(s.time(Math.min(k, s.size() - 1)));
    }

    private static OptionalLong recoveredAt(Samples s, long faultMs, List<Long> faults, RecoveryCriteria c, long endMs) {
        long window = c.window().toMillis();
        long stability = c.stability().toMillis();
        int k = s.firstAtOrAfter(faultMs);
        while (k < s.size()) {
            if (!s.ok(k)) {
                k++;
                continue;
            }
            long start = s.time(k);
            long limit = Math.min(Math.min(start + stability, endMs), nextFaultAfter(faults, start));
            int failedWindow = firstFailingWindow(s, k, limit, window, c.threshold());
            if (failedWindow < 0) {
                return OptionalLong.of(start);
            }
            // Any earlier candidate would also contain that failing window, so resume after it.
            k = Math.max(k + 1, failedWindow + 1);
        }
        return OptionalLong.empty();
    }

    private static int firstFailingWindow(Samples s, int k, long limit, long window, double threshold) {
        for (int j = k; j < s.size() && s.time(j) < limit; j++) {
            long from = s.time(j);
            if (j > k && from + window > limit) {
                break;
            }
            long[] c = s.counts(from, Math.min(from + window, limit));
            if (c[1] > 0 && (double) c[0] / c[1] < threshold) {
                return j;
            }
        }
        return -1;
    }

    private static long nextFaultAfter(List<Long> faults, long t) {
        return faults.stream().filter(f -> f > t).findFirst().orElse(Long.MAX_VALUE);
    }
}
