package casedrill.load;

import casedrill.history.Outcome;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which HTTP statuses count as success for one request of the workload: the single rule that both Gatling's
 * check ({@link ExpectedStatusCheck}, so its report counts a KO) and the recorder's hook ({@link GatlingHook}, so the
 * verdict counts a failure) apply, so the two can never disagree about a response. Status 0 (no response) is never
 * expected.
 */
public final class ExpectedStatuses {
    private final int[] statuses;

    private ExpectedStatuses(int[] statuses) {
        this.statuses = statuses;
    }

    public static ExpectedStatuses of(int... statuses) {
        if (statuses.length == 0) {
            throw new IllegalArgumentException("expected statuses must name at least one status, but were none");
        }
        for (int s : statuses) {
            if (s < 100 || s > 599) {
                throw new IllegalArgumentException("an expected HTTP status must be 100-599, but was " + s);
            }
        }
        return new ExpectedStatuses(statuses.clone());
    }

    /** A linear scan of two or three ints: no boxing on the event loop. */
    public boolean accepts(int status) {
        for (int s : statuses) {
            if (s == status) {
                return true;
            }
        }
        return false;
    }

    /**
     * How the recorder counts a request: OK for an expected status; UNKNOWN for a timeout (the server may still act
     * on it); FAILED otherwise. Only OK is a success, which is what Gatling's OK means too.
     */
    public Outcome outcome(int status, boolean timedOut) {
        return accepts(status) ? Outcome.OK : timedOut ? Outcome.UNKNOWN : Outcome.FAILED;
    }

    @Override
    public String toString() {
        return Arrays.stream(statuses).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
