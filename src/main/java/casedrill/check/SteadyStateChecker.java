package casedrill.check;

import casedrill.history.Event;
import casedrill.history.History;
import java.util.List;

/**
 * Steady state before the first fault: the probe success ratio over the whole baseline, and over the last
 * recovery window before the fault, is at or above the recovery threshold. Without faults the whole drill is baseline.
 */
public final class SteadyStateChecker implements Checker {
    public static final String NAME = "steady-state";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(History history, Targets targets) {
        long until = history.first(Event.FaultInjected.class).map(Event::offsetMs).orElse(history.endMs() + 1);
        List<Event.Probe> baseline = history.all(Event.Probe.class).filter(p -> p.offsetMs() < until).toList();
        if (baseline.isEmpty()) {
            return CheckResult.unknown(NAME, "no probe ran before the first fault, so the steady state is unknown");
        }
        double threshold = targets.recovery().threshold();
        long windowFrom = until - targets.recovery().window().toMillis();
        double whole = ratio(baseline, Long.MIN_VALUE);
        double last = ratio(baseline, windowFrom);
        String line = "baseline success " + Durations.percent(whole) + " over " + baseline.size()
                + " probes, last window " + Durations.percent(last) + "; threshold " + Durations.percent(threshold);
        return CheckResult.judged(NAME, whole >= threshold && last >= threshold, new Measured.Ratio(whole), line);
    }

    private static double ratio(List<Event.Probe> probes, long from) {
        List<Event.Probe> in = probes.stream().filter(p -> p.offsetMs() >= from).toList();
        return in.isEmpty() ? 1.0 : (double) in.stream().filter(p -> p.outcome().ok()).count() / in.size();
    }
}
