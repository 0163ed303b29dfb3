package casedrill.drill;

import casedrill.outcome.ExitCode;
import java.util.List;

/** How a drill ended before its targets were judged: the exit code and one sentence. */
record DrillEnding(ExitCode exit, String reason) {
    static DrillEnding inconclusive(String reason) {
        return new DrillEnding(ExitCode.INCONCLUSIVE, reason);
    }

    static DrillEnding harnessError(String reason) {
        return new DrillEnding(ExitCode.HARNESS_ERROR, reason);
    }

    /**
     * Something the drill injects through stopped answering: a harness error (exit 4), never a verdict on the system;
     * {@code unhealed} are the faults still active after the heal, left in the lease for {@code recover}.
     */
    static DrillEnding infrastructureFailed(InfrastructureWatch.Failure failure, List<String> unhealed) {
        return harnessError(failure.describe() + ", so the system's targets were not judged"
                + (unhealed.isEmpty() ? "" : "; faults left unhealed (in lease.json for recover): " + String.join(", ", unhealed)));
    }
}
