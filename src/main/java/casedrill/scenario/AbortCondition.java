package casedrill.scenario;

import java.time.Duration;
import java.util.Optional;

/**
 * Stop the drill when {@code metric [(transaction)] comparison threshold} holds for {@code holdFor}.
 * Rates are percentages (0–100), latencies milliseconds.
 */
public record AbortCondition(String metric, Optional<String> transaction, Comparison comparison, double threshold,
                             Duration holdFor, String text) {

    public enum Comparison {
        GT(">"), GE(">="), LT("<"), LE("<=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean holds(double value, double threshold) {
            return switch (this) {
                case GT -> value > threshold;
                case GE -> value >= threshold;
                case LT -> value < threshold;
                case LE -> value <= threshold;
            };
        }
    }

    public boolean isLatency() {
        return metric.startsWith("p");
    }
}
