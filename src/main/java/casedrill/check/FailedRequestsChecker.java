package casedrill.check;

import casedrill.history.Event;
import casedrill.history.History;

/** The count of failed requests (probes and Gatling requests; unknown outcomes count as failed) against a maximum. */
public final class FailedRequestsChecker implements Checker {
    public static final String NAME = "failed-requests";
    private final long max;

    public FailedRequestsChecker(long max) {
        if (max < 0) {
            throw new IllegalArgumentException("failed requests maximum must be >= 0, but was " + max);
        }
        this.max = max;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(History history, Targets targets) {
        long failedProbes = history.all(Event.Probe.class).filter(p -> !p.outcome().ok()).count();
        long probes = history.all(Event.Probe.class).count();
        long failedLoad = history.all(Event.LoadSecond.class).filter(s -> !s.outcome().ok()).mapToLong(Event.LoadSecond::count).sum();
        long load = history.all(Event.LoadSecond.class).mapToLong(Event.LoadSecond::count).sum();
        if (probes + load == 0) {
            return CheckResult.unknown(NAME, "no requests in the history");
        }
        long failed = failedProbes + failedLoad;
        String line = failed + " of " + (probes + load) + " requests failed (probes " + failedProbes + " of " + probes
                + ", load " + failedLoad + " of " + load + "); at most " + max + " allowed";
        return failed <= max ? CheckResult.pass(NAME, String.valueOf(failed), line) : CheckResult.fail(NAME, String.valueOf(failed), line);
    }
}
