package casedrill.check;

import casedrill.history.Event;
import casedrill.history.History;
import java.util.Map;
import java.util.TreeMap;

/**
 * Failed requests as a count over the whole drill: canary probes and Gatling requests whose outcome is not OK
 * (timeouts included). The target of zero-outage promises such as a planned switchover, where a ratio would
 * hide the one customer who saw an error.
 */
public final class FailedRequestsChecker implements Checker {
    public static final String NAME = "failed-requests";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(History history, Targets targets) {
        if (targets.maxFailedRequests() == null) {
            return CheckResult.unknown(NAME, "no failed-requests target set");
        }
        Map<String, Long> failedByTransaction = new TreeMap<>();
        long[] total = new long[1];
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        history.all(Event.Probe.class).forEach(p -> count(failedByTransaction, total, span, p.transaction(), p.offsetMs(),
                p.outcome().ok() ? 0 : 1, 1));
        history.all(Event.LoadSecond.class).forEach(s -> count(failedByTransaction, total, span, s.transaction(), s.offsetMs(),
                s.outcome().ok() ? 0 : s.count(), s.count()));
        if (total[0] == 0) {
            return CheckResult.unknown(NAME, "no requests in the history");
        }
        long failed = failedByTransaction.values().stream().mapToLong(Long::longValue).sum();
        String line = failed + " of " + total[0] + " requests failed" + (failed == 0 ? ""
                : String.format(java.util.Locale.ROOT, " between %.1f s and %.1f s, by transaction %s", span[0] / 1000.0,
                        span[1] / 1000.0, failedByTransaction)) + "; at most " + targets.maxFailedRequests() + " allowed";
        return CheckResult.judged(NAME, failed <= targets.maxFailedRequests(), Measured.Requests.of(failed, total[0], 0, 0), line);
    }

    private static void count(Map<String, Long> failedByTransaction, long[] total, long[] span, String transaction, long offsetMs,
                              long failed, long all) {
        total[0] += all;
        if (failed > 0) {
            failedByTransaction.merge(transaction, failed, Long::sum);
            span[0] = Math.min(span[0], offsetMs);
            span[1] = Math.max(span[1], offsetMs);
        }
    }
}
