package casedrill.observer;

import java.net.URI;
import java.time.Duration;

/**
 * How the observer polls the edge: one intake write every {@code spacing}, at most {@code inFlight} unanswered at
 * once, each given up after {@code timeout}; keys are {@code keyPrefix-<seq>}.
 */
public record ObserverSettings(URI edge, String token, String keyPrefix, Duration spacing, int inFlight, Duration timeout) {
    /**
     * Every 100 ms (the probes' interval), 1 s timeout; in flight, what that schedule sends within one timeout plus
     * one. With fewer slots than that, writes hanging on a frozen app node filled every slot, the observer stopped
     * writing on schedule and saw a hang's end late (1.74 s after the drill in an app-node hang), the same gap the
     * canary probes had (see CanaryProbes).
     * <p>
     * Not faster: the observer must not change what it observes. At one write every 20 ms it wrote 41 cases a second,
     * more than the scenario's whole load (40 requests a second, ~15 of them writes); in async-wan-cut-then-dc1-loss
     * that was 617 of the 851 writes pg-dc1 acknowledged during the WAN cut, enough WAL that pg-dc2 ended beyond
     * Patroni's maximum_lag_on_failover (1 MB) and was never promoted (2026-12-03, scenarios/RESULTS.md).
     */
    public static final Duration SPACING = Duration.ofMillis(100);
    public static final Duration TIMEOUT = Duration.ofSeconds(1);
    public static final int IN_FLIGHT = (int) (TIMEOUT.toMillis() / SPACING.toMillis()) + 1;

    public ObserverSettings {
        if (edge == null || !"127".equals(edge.getHost().split("\\.")[0])) {
            throw new IllegalArgumentException("the observer polls loopback addresses only, but the edge was " + edge);
        }
        if (keyPrefix == null || keyPrefix.isBlank()) {
            throw new IllegalArgumentException("observer key prefix must not be blank, but was '" + keyPrefix + "'");
        }
        if (spacing.isNegative() || spacing.isZero()) {
            throw new IllegalArgumentException("observer spacing must be > 0, but was " + spacing);
        }
        if (inFlight < 1) {
            throw new IllegalArgumentException("observer in-flight limit must be >= 1, but was " + inFlight);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("observer timeout must be > 0, but was " + timeout);
        }
    }

    public static ObserverSettings standard(URI edge, String token, String keyPrefix) {
        return new ObserverSettings(edge, token, keyPrefix, SPACING, IN_FLIGHT, TIMEOUT);
    }
}
