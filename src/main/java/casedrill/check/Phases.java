package casedrill.check;

import casedrill.history.History;
import java.util.List;

/**
 * Splits drill time into baseline (before the first fault), disruption (each disruption of the overall signal, from
 * T_fault — or the start of an unprovoked fall — to T_recovered, or to the end when never recovered, and every window
 * in which a fault that only slows was in effect)
 * and recovered (everything else after the first fault).
 */
final class Phases {
    static final String BASELINE = "baseline";
    static final String DISRUPTION = "disruption";
    static final String RECOVERED = "recovered";
    static final List<String> ALL = List.of(BASELINE, DISRUPTION, RECOVERED);

    private final List<Disruption> disruptions;
    private final long firstFaultMs;
    private final long endMs;
    private final SlowingWindows slowing;

    Phases(History history, RecoveryCriteria criteria) {
        List<FaultSpan> faults = FaultSpan.of(history);
        this.endMs = history.endMs();
        this.disruptions = RecoveryAnalysis.disruptions(Samples.all(history), faults, criteria, endMs);
        this.slowing = new SlowingWindows(faults, endMs);
        this.firstFaultMs = faults.isEmpty() ? Long.MAX_VALUE : faults.get(0).injectedMs();
    }

    String phaseAt(long t) {
        if (t < firstFaultMs) {
            return BASELINE;
        }
        if (slowing.slowing(t)) {
            return DISRUPTION;
        }
        for (Disruption d : disruptions) {
            if (t >= d.faultMs() && t < d.recoveredMs().orElse(Long.MAX_VALUE)) {
                return DISRUPTION;
            }
        }
        return RECOVERED;
    }

    long firstFaultMs() {
        return firstFaultMs;
    }

    long endMs() {
        return endMs;
    }
}
