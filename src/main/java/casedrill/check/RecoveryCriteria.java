package casedrill.check;

import java.time.Duration;

/**
 * When a transaction counts as recovered: the success ratio over every sliding {@code window} stays at or
 * above {@code threshold} for {@code stability} (or until the drill ends).
 */
public record RecoveryCriteria(Duration window, double threshold, Duration stability) {
    public static final RecoveryCriteria DEFAULT = new RecoveryCriteria(Duration.ofSeconds(1), 0.95, Duration.ofSeconds(10));

    public RecoveryCriteria {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("recovery window must be > 0, but was " + window);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("recovery threshold must be in (0, 1], but was " + threshold);
        }
        if (stability.compareTo(window) < 0) {
            throw new IllegalArgumentException("stability period must be >= window " + window + ", but was " + stability);
        }
    }
}
