package casedrill.gate;

import casedrill.check.Verdict;
import casedrill.report.DrillResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gate's decision as a pure function of result.json values: each scenario's verdict against what
 * the suite expects, compared with its baseline, combined into one verdict and exit code.
 */
public final class GateEvaluation {
    private GateEvaluation() {
    }

    /** A run of one scenario: its folder and its result. */
    public record Run(Path folder, DrillResult result) {
    }

    /**
     * @param runs      scenario id → this gate's run (absent: the scenario produced no result)
     * @param baselines scenario id → the baseline run (absent: nothing to compare)
     */
    public static GateOutcome evaluate(Suite suite, Map<String, Run> runs, Map<String, Run> baselines) {
        List<GateOutcome.Row> rows = new ArrayList<>();
        for (Suite.Entry entry : suite.entries()) {
            rows.add(row(entry, Optional.ofNullable(runs.get(entry.scenarioId())), Optional.ofNullable(baselines.get(entry.scenarioId())),
                    suite.tolerance()));
        }
        String verdict = rows.stream().map(GateOutcome.Row::verdict).reduce("PASS", GateEvaluation::worse);
        int exit = switch (verdict) {
            case "PASS" -> 0;
            case "FAIL" -> 1;
            default -> 3;
        };
        return new GateOutcome(suite, rows, verdict, exit);
    }

    private static GateOutcome.Row row(Suite.Entry entry, Optional<Run> run, Optional<Run> baseline, Suite.Tolerance tolerance) {
        Optional<String> baselineId = baseline.map(b -> b.result().runId());
        if (run.isEmpty()) {
            return new GateOutcome.Row(entry, Optional.empty(), Optional.empty(), baselineId, List.of(), "UNKNOWN",
                    "no result: the scenario did not run");
        }
        DrillResult result = run.get().result();
        List<Regression> regressions = baseline.map(b -> BaselineComparison.compare(result, b.result(), tolerance)).orElse(List.of());
        String verdict;
        String why;
        String drillVerdict = result.verdict().name();
        if (result.verdict() == Verdict.UNKNOWN) {
            verdict = "UNKNOWN";
            why = "inconclusive: " + result.reason();
        } else if (!drillVerdict.equals(entry.expected())) {
            verdict = "FAIL";
            why = entry.expected().equals("PASS") ? result.reason() : "expected the drill to catch a fault (FAIL) but every target was met";
        } else if (!regressions.isEmpty()) {
            verdict = "FAIL";
            why = "regressed against baseline " + baselineId.orElseThrow() + ": "
                    + String.join("; ", regressions.stream().map(Regression::toString).toList());
        } else {
            verdict = "PASS";
            why = entry.expected().equals("PASS") ? "every target met" : "failed as expected: " + result.reason();
        }
        return new GateOutcome.Row(entry, Optional.of(result), Optional.of(run.get().folder()), baselineId, regressions, verdict, why);
    }

    static String worse(String a, String b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(String verdict) {
        return switch (verdict) {
            case "PASS" -> 0;
            case "FAIL" -> 2;
            default -> 1;
        };
    }
}
