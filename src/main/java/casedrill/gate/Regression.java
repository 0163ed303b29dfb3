package casedrill.gate;

/** One way a scenario did worse than its baseline: what, the baseline's value, this run's, and the allowance. */
public record Regression(String measure, String baseline, String now, String tolerance) {
    @Override
    public String toString() {
        return measure + " regressed: " + now + " (baseline " + baseline + ", tolerance " + tolerance + ")";
    }
}
