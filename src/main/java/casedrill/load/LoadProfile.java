package casedrill.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Open-model load for one drill: arrivals per second after a linear ramp-up, for a duration, split over
 * transactions by weight; optionally a surge that multiplies the rate for a window (offsets from load start).
 */
public record LoadProfile(double ratePerSecond, Duration rampUp, Duration duration, Map<String, Double> mix,
                          Surge surge) {
    public static final Map<String, Double> DEFAULT_MIX =
            Map.of("intake", 0.2, "status", 0.5, "decision", 0.1, "screening", 0.2);

    public record Surge(Duration at, Duration lasting, double factor) {
        public Surge {
            if (at.isNegative()) {
                throw new IllegalArgumentException("surge start must be >= 0, but was " + at);
            }
            if (lasting.isNegative() || lasting.isZero()) {
                throw new IllegalArgumentException("surge duration must be > 0, but was " + lasting);
            }
            if (!(factor > 0)) {
                throw new IllegalArgumentException("surge factor must be > 0, but was " + factor);
            }
        }
    }

    public LoadProfile {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("load rate must be > 0 per second, but was " + ratePerSecond);
        }
        if (rampUp.isNegative()) {
            throw new IllegalArgumentException("ramp-up must be >= 0, but was " + rampUp);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("load duration must be > 0, but was " + duration);
        }
        mix = Map.copyOf(mix == null || mix.isEmpty() ? DEFAULT_MIX : mix);
        mix.forEach((tx, w) -> {
            if (!(w >= 0)) {
                throw new IllegalArgumentException("weight of transaction '" + tx + "' must be >= 0, but was " + w);
            }
        });
        if (mix.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new IllegalArgumentException("transaction weights must not all be 0, but were " + mix);
        }
        if (surge != null && surge.at().plus(surge.lasting()).compareTo(rampUp.plus(duration)) > 0) {
            throw new IllegalArgumentException("surge ends at " + surge.at().plus(surge.lasting())
                    + ", after the load ends at " + rampUp.plus(duration));
        }
    }

    /** Arrivals per second of one transaction at full rate; 0 when the mix does not name it. */
    public double rateOf(String transaction) {
        double total = mix.values().stream().mapToDouble(Double::doubleValue).sum();
        return ratePerSecond * mix.getOrDefault(transaction, 0.0) / total;
    }

    /** The same profile with only one transaction, for focused drills. */
    public LoadProfile only(String transaction) {
        Map<String, Double> one = new LinkedHashMap<>();
        one.put(transaction, 1.0);
        return new LoadProfile(ratePerSecond, rampUp, duration, one, surge);
    }
}
