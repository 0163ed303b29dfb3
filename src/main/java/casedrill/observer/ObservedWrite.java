package casedrill.observer;

/**
 * One intake write of the observer as it saw it: times on the drill's time line from the observer's own clock,
 * the HTTP status (0 when no response came) and what that means.
 */
public record ObservedWrite(long seq, String idempotencyKey, String sha256, long sentMs, long doneMs, int status,
                            Outcome outcome, String detail) {
    /** Acknowledged is 200/201; anything else, refused and timed out alike, is no successful write. */
    public enum Outcome {
        ACKNOWLEDGED,
        /** A 4xx or a refused connection: the write certainly did not apply. */
        REJECTED,
        /** A 5xx, a timeout or a connection lost: the write may or may not have applied. */
        IN_DOUBT
    }

    public boolean acknowledged() {
        return outcome == Outcome.ACKNOWLEDGED;
    }
}
