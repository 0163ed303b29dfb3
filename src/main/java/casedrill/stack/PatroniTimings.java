package casedrill.stack;

/** Patroni's DCS timings in whole seconds, as Patroni's configuration takes them. */
public record PatroniTimings(int ttlSeconds, int loopWaitSeconds, int retryTimeoutSeconds, boolean synchronousMode) {
    public PatroniTimings {
        if (ttlSeconds < 20) {
            throw new IllegalArgumentException("Patroni ttl must be >= 20 s (Patroni 4 refuses less), but was " + ttlSeconds + " s");
        }
        if (loopWaitSeconds + 2 * retryTimeoutSeconds > ttlSeconds) {
            throw new IllegalArgumentException("Patroni loop_wait + 2 * retry_timeout must not exceed ttl, but was "
                    + loopWaitSeconds + " + 2 * " + retryTimeoutSeconds + " > " + ttlSeconds);
        }
    }
}
