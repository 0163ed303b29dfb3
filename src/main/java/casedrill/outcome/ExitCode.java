package casedrill.outcome;

/** Process exit codes, as DESIGN.md defines them. The only place these numbers appear. */
public enum ExitCode {
    /** Every target was met (or the command succeeded). */
    OK(0),
    /** A drill ran and at least one target was missed. */
    TARGET_MISSED(1),
    /** The input (scenario, topology, runbook, flags) is invalid; nothing was started. */
    INVALID_INPUT(2),
    /** The drill was inconclusive or aborted (steady state failed, abort condition fired). */
    INCONCLUSIVE(3),
    /** The harness or its infrastructure failed. */
    HARNESS_ERROR(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
