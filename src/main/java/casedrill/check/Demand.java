package casedrill.check;

/**
 * What a target demands: the scenario's words and, as numbers, the limits the checker applied (null: not part of this
 * target). RTO: {@code maxSeconds} and the {@code successRatio} that counts as recovered; RPO: {@code maxSeconds} (0: no
 * acknowledged write may be lost); error budget: {@code maxRatio}; failed requests: {@code maxCount}; split brain:
 * {@code maxCount} 0 overlaps; recovered latency: {@code maxP95Ms} and {@code maxP99Ms}; a runbook: its words only.
 */
public record Demand(String text, Double maxSeconds, Double maxRatio, Long maxCount, Double successRatio, Double maxP95Ms,
                     Double maxP99Ms) {
    public static Demand words(String text) {
        return new Demand(text, null, null, null, null, null, null);
    }

    public static Demand seconds(String text, double maxSeconds, Double successRatio) {
        return new Demand(text, maxSeconds, null, null, successRatio, null, null);
    }

    public static Demand ratio(String text, double maxRatio) {
        return new Demand(text, null, maxRatio, null, null, null, null);
    }

    public static Demand count(String text, long maxCount) {
        return new Demand(text, null, null, maxCount, null, null, null);
    }

    public static Demand latency(String text, Double maxP95Ms, Double maxP99Ms) {
        return new Demand(text, null, null, null, null, maxP95Ms, maxP99Ms);
    }
}
