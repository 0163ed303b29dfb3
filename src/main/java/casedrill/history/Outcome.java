package casedrill.history;

/** How one request ended, as Jepsen's ok / fail / info: UNKNOWN means it may or may not have taken effect. */
public enum Outcome {
    OK,
    FAILED,
    /** Timed out or the connection broke after sending: the server may have acted on it. */
    UNKNOWN;

    public boolean ok() {
        return this == OK;
    }
}
