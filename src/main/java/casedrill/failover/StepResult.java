package casedrill.failover;

/** How one step ended: ok or not, and a bounded, redacted excerpt of what it printed or why it failed. */
public record StepResult(boolean ok, String excerpt) {
    static StepResult ok(String excerpt) {
        return new StepResult(true, excerpt);
    }

    static StepResult failed(String excerpt) {
        return new StepResult(false, excerpt);
    }
}
