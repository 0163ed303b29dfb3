package casedrill.gate;

import casedrill.report.DrillResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the gate decided over a suite: one row per scenario and the combined verdict and exit code
 * (FAIL beats UNKNOWN beats PASS; exit 0, 1 or 3 as DESIGN.md defines them).
 */
public record GateOutcome(Suite suite, List<Row> rows, String verdict, int exitCode) {
    public GateOutcome {
        rows = List.copyOf(rows);
    }

    /**
     * One scenario of the suite.
     *
     * @param result      its run's result; empty when it produced none (the row is UNKNOWN)
     * @param runFolder   where that run's files are, when known
     * @param baselineRun the baseline run it was compared with, when there was one
     * @param verdict     PASS when the result is what the suite expects and nothing regressed
     * @param why         one sentence for the summary
     */
    public record Row(Suite.Entry entry, Optional<DrillResult> result, Optional<Path> runFolder, Optional<String> baselineRun,
                      List<Regression> regressions, String verdict, String why) {
        public Row {
            regressions = List.copyOf(regressions);
        }
    }
}
