package casedrill.failover;

/** How a runbook run ended; {@code failedStep} and {@code reason} are null when it completed. */
public record RunbookOutcome(String runbook, Status status, String failedStep, String reason) {
    public enum Status { COMPLETED, FAILED, INTERRUPTED }

    public boolean completed() {
        return status == Status.COMPLETED;
    }

    /** One sentence for the console and the drill's notes. */
    public String describe() {
        return switch (status) {
            case COMPLETED -> "runbook " + runbook + " completed";
            case FAILED -> "runbook " + runbook + " stopped at step '" + failedStep + "': " + reason;
            case INTERRUPTED -> "runbook " + runbook + " was interrupted" + (failedStep == null ? "" : " during step '" + failedStep + "'");
        };
    }
}
