package casedrill.topology;

import java.time.Duration;

/** The Patroni settings that set the floor of automatic failover time. */
public record PatroniTimings(Duration ttl, Duration loopWait, Duration retryTimeout, boolean synchronousMode) {
    /** Patroni's own defaults. */
    public static final PatroniTimings DEFAULTS =
            new PatroniTimings(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(10), true);
}
