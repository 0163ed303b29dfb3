package casedrill.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The RTO definition (DESIGN.md "Measurement", as amended by issue 16): a disruption starts at a fault (T_fault).
 * T_recovered is the first successful sample of the last good stretch: from it, every sliding window (one starting at
 * each sample) keeps a success ratio at or above the threshold until every fault of the disruption is healed plus the
 * stability period, or the drill ends. A fall before that reopens the disruption; a fault injected before that joins
 * it. After the disruption has recovered, a fall with no new fault is its own, unprovoked disruption; a later fault
 * opens a new one.
 */
final class RecoveryAnalysis {
    private RecoveryAnalysis() {}

    static List<Disruption> disruptions(Samples samples, List<FaultSpan> faults, RecoveryCriteria criteria, long endMs) {
        Run run = new Run(samples, faults, criteria, endMs);
        List<Disruption> result = new ArrayList<>();
        int next = 0;
        long quietFrom = -1;
        while (true) {
            long nextFault = next < faults.size() ? faults.get(next).injectedMs() : Long.MAX_VALUE;
            OptionalLong fall = quietFrom < 0 ? OptionalLong.empty() : run.fallBetween(quietFrom, Math.min(nextFault, endMs));
            Disruption d;
            if (fall.isPresent()) {
                d = run.recover(Disruption.Cause.UNPROVOKED, fall.getAsLong(), next);
            } else if (next < faults.size()) {
                d = run.recover(Disruption.Cause.FAULT, nextFault, next);
            } else {
                break;
            }
            result.add(d);
            if (!d.recovered()) {
                break;
            }
            while (next < faults.size() && faults.get(next).injectedMs() < d.holdUntilMs()) {
                next++;
            }
            quietFrom = d.holdUntilMs();
        }
        return result;
    }

    /** One signal against one drill's faults. */
    private record Run(Samples s, List<FaultSpan> faults, RecoveryCriteria c, long endMs) {
        Disruption recover(Disruption.Cause cause, long startMs, int firstFault) {
            long stability = c.stability().toMillis();
            Optional<Disruption.Reopening> reopened = Optional.empty();
            int k = s.firstAtOrAfter(startMs);
            while (k < s.size()) {
                if (!s.ok(k)) {
                    k++;
                    continue;
                }
                long start = s.time(k);
                long holdUntil = holdUntil(start, firstFault);
                int failedWindow = firstFailingWindow(k, Math.min(holdUntil, endMs));
                if (failedWindow < 0) {
                    long rto = s.anyFailureIn(startMs, start) ? start - startMs : 0;
                    return new Disruption(cause, startMs, OptionalLong.of(start), rto, holdUntil, reopened);
                }
                if (s.time(failedWindow) >= start + stability) {
                    long fell = firstFailedAtOrAfter(failedWindow);
                    reopened = Optional.of(new Disruption.Reopening(start, fell, activeAt(fell, firstFault, holdUntil)));
                }
                // Any earlier candidate holds at least as long, so it would also contain that failing window: resume after it.
                k = Math.max(k + 1, failedWindow + 1);
            }
            return new Disruption(cause, startMs, OptionalLong.empty(), -1, Long.MAX_VALUE, reopened);
        }

        /**
         * Until when success from {@code start} must hold: the stability period after the later of {@code start} and
         * the end of every fault that joins the disruption (injected from {@code firstFault} on, before that time).
         */
        private long holdUntil(long start, int firstFault) {
            long stability = c.stability().toMillis();
            long hold = start + stability;
            for (int i = firstFault; i < faults.size() && faults.get(i).injectedMs() < hold; i++) {
                hold = Math.max(hold, faults.get(i).activeUntil(endMs) + stability);
            }
            return hold;
        }

        private List<String> activeAt(long t, int firstFault, long holdUntil) {
            return faults.subList(firstFault, faults.size()).stream()
                    .filter(f -> f.injectedMs() < holdUntil && f.activeAt(t, endMs)).map(FaultSpan::name).toList();
        }

        /** The first failed request of the first window in [from, limit) whose success ratio is below the threshold. */
        OptionalLong fallBetween(long from, long limit) {
            int failing = firstFailingWindow(s.firstAtOrAfter(from), limit);
            return failing < 0 ? OptionalLong.empty() : OptionalLong.of(firstFailedAtOrAfter(failing));
        }

        private long firstFailedAtOrAfter(int i) {
            int k = i;
            while (k < s.size() && s.ok(k)) {
                k++;
            }
            return s.time(Math.min(k, s.size() - 1));
        }

        private int firstFailingWindow(int k, long limit) {
            long window = c.window().toMillis();
            for (int j = k; j < s.size() && s.time(j) < limit; j++) {
                long from = s.time(j);
                if (j > k && from + window > limit) {
                    break;
                }
                long[] counts = s.counts(from, Math.min(from + window, limit));
                if (counts[1] > 0 && (double) counts[0] / counts[1] < c.threshold()) {
                    return j;
                }
            }
            return -1;
        }
    }
}
