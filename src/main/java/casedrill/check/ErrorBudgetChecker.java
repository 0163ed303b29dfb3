package casedrill.check;

import casedrill.history.Event;
import casedrill.history.History;
import casedrill.notation.Percentage;

/**
 * Error budget: failed / total requests (canary probes and Gatling requests; UNKNOWN outcomes count as failed)
 * over the whole drill and inside disruption windows. Gatling seconds belong to the phase their second starts in.
 */
public final class ErrorBudgetChecker implements Checker {
    public static final String NAME = "error-budget";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(History history, Targets targets) {
        if (targets.maxErrorRate() == null) {
            return CheckResult.unknown(NAME, "no error budget set");
        }
        Phases phases = new Phases(history, targets.recovery());
        long[] whole = new long[2];
        long[] disruption = new long[2];
        history.all(Event.Probe.class).forEach(p ->
                add(whole, disruption, phases.phaseAt(p.offsetMs()), p.outcome().ok() ? 0 : 1, 1));
        history.all(Event.LoadSecond.class).forEach(s ->
                add(whole, disruption, phases.phaseAt(s.offsetMs()), s.outcome().ok() ? 0 : s.count(), s.count()));
        if (whole[1] == 0) {
            return CheckResult.unknown(NAME, "no requests in the history");
        }
        double wholeRate = (double) whole[0] / whole[1];
        double disruptionRate = disruption[1] == 0 ? 0 : (double) disruption[0] / disruption[1];
        String line = whole[0] + " of " + whole[1] + " requests failed; in disruption " + disruption[0] + " of "
                + disruption[1] + " (" + Percentage.measured(disruptionRate) + "); budget "
                + Percentage.measured(targets.maxErrorRate())
                + (targets.maxErrorRateInDisruption() == null ? ""
                        : ", in disruption " + Percentage.measured(targets.maxErrorRateInDisruption()));
        boolean ok = wholeRate <= targets.maxErrorRate()
                && (targets.maxErrorRateInDisruption() == null || disruptionRate <= targets.maxErrorRateInDisruption());
        return CheckResult.judged(NAME, ok, Measured.Requests.of(whole[0], whole[1], disruption[0], disruption[1]), line);
    }

    private static void add(long[] whole, long[] disruption, String phase, long failed, long total) {
        whole[0] += failed;
        whole[1] += total;
        if (Phases.DISRUPTION.equals(phase)) {
            disruption[0] += failed;
            disruption[1] += total;
        }
    }
}
