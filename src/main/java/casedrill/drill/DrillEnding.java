package casedrill.drill;

import casedrill.cli.ExitCode;

/** How a drill ended before its targets were judged: the exit code and one sentence. */
record DrillEnding(ExitCode exit, String reason) {
    static DrillEnding inconclusive(String reason) {
        return new DrillEnding(ExitCode.INCONCLUSIVE, reason);
    }

    static DrillEnding harnessError(String reason) {
        return new DrillEnding(ExitCode.HARNESS_ERROR, reason);
    }
}
