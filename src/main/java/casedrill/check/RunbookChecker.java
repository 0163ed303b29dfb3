package casedrill.check;

import casedrill.history.History;
import casedrill.notation.Durations;
import java.util.Optional;

/**
 * A runbook drill's failover happened only if its runbook completed: a failed or interrupted runbook FAILs
 * (the failover did not happen), one that never started is UNKNOWN. The measured value is the RTO split.
 */
public final class RunbookChecker implements Checker {
    public static final String NAME = "runbook";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(History history, Targets targets) {
        Optional<RunbookSplit> split = RunbookSplit.of(history, targets.recovery());
        if (split.isEmpty()) {
            return CheckResult.unknown(NAME, "no runbook started in this drill");
        }
        RunbookSplit s = split.get();
        String from = s.fromFault() ? "from the fault at " + Durations.seconds(s.startMs()) : "from the runbook's start at "
                + Durations.seconds(s.startMs()) + " (no disruption in progress)";
        return switch (s.outcome()) {
            case "completed" -> CheckResult.pass(NAME, s.measured(), "runbook " + s.runbook() + " completed; " + from + ": " + s.describe()
                    + (s.actMs().isEmpty() ? " (the disruption did not recover by the end)" : ""));
            case "failed" -> CheckResult.fail(NAME, s.measured(), "runbook " + s.runbook()
                    + " stopped at step '" + s.failedStep() + "', so the failover did not happen; " + from + ": " + s.describe());
            default -> CheckResult.fail(NAME, s.measured(), "runbook " + s.runbook() + " did not finish before the drill ended ("
                    + s.outcome() + (s.failedStep() == null ? "" : " during step '" + s.failedStep() + "'") + ")");
        };
    }
}
