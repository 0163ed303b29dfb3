package casedrill.probe;

/**
 * What the harness saw of one intake, from a probe or a Gatling request: HTTP status (0 when no response came),
 * the response headers that identify who acknowledged it, and the transport error if any.
 */
public record IntakeAttempt(String idempotencyKey, String sha256, long sentMs, long doneMs, int status,
                            String caseId, String node, String systemId, long timeline, Failure failure) {
    /** How a request without an HTTP response ended. */
    public enum Failure {
        NONE,
        /** Connection refused: the request never reached a server, so it certainly did not apply. */
        REFUSED,
        TIMEOUT,
        /** Reset or closed after sending: the server may have applied it. */
        CONNECTION_LOST
    }
}
