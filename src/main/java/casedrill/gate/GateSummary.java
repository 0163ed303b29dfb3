package casedrill.gate;

import casedrill.report.DrillResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The gate's {@code summary.md}: short enough for a pull-request comment, with the verdict first. */
public final class GateSummary {
    public static final String FILE = "summary.md";

    private GateSummary() {
    }

    public static String render(GateOutcome outcome) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(icon(outcome.verdict())).append(" Release gate `").append(outcome.suite().id()).append('`')
                .append(releases(outcome)).append(": **")
                .append(outcome.verdict()).append("** (exit ").append(outcome.exitCode()).append(")\n\n");
        md.append(outcome.suite().title()).append("\n\n");
        md.append("| scenario | expected | verdict | RTO | lost writes | error budget | baseline | why |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (GateOutcome.Row row : outcome.rows()) {
            Optional<Measures> m = row.result().map(Measures::of);
            md.append("| `").append(row.entry().scenarioId()).append("` | ").append(row.entry().expected()).append(" | ")
                    .append(icon(row.verdict())).append(' ').append(row.verdict()).append(" | ")
                    .append(m.flatMap(x -> x.rtoMs().isPresent() ? Optional.of(BaselineComparison.seconds(x.rtoMs().getAsLong())) : Optional.empty()).orElse("–")).append(" | ")
                    .append(m.flatMap(x -> x.lostWrites().isPresent() ? Optional.of(String.valueOf(x.lostWrites().getAsLong())) : Optional.empty()).orElse("–")).append(" | ")
                    .append(m.flatMap(x -> x.errorBudgetPercent().isPresent() ? Optional.of(BaselineComparison.percent(x.errorBudgetPercent().getAsDouble())) : Optional.empty()).orElse("–")).append(" | ")
                    .append(row.baselineRun().orElse("–")).append(" | ").append(cell(row.why())).append(" |\n");
        }
        md.append("\nTolerances against the baseline: RTO ").append(outcome.suite().tolerance().describeRto())
                .append(", error budget +").append(BaselineComparison.percent(outcome.suite().tolerance().errorBudgetPoints()).replace(" %", ""))
                .append(" points, lost writes none.\n");
        String runs = String.join(", ", outcome.rows().stream().filter(r -> r.result().isPresent())
                .map(r -> r.result().map(DrillResult::runId).orElseThrow()).toList());
        md.append("Runs: ").append(runs.isEmpty() ? "none" : runs).append(". Exit codes: 0 passed, 1 a scenario failed or regressed, 3 inconclusive.\n");
        return md.toString();
    }

    /** " for release `2.4.1`" from the drills' {@code --release} labels, so a pull-request comment names what was gated. */
    private static String releases(GateOutcome outcome) {
        List<String> labels = outcome.rows().stream().flatMap(r -> r.result().map(DrillResult::release).stream())
                .filter(Objects::nonNull).distinct().toList();
        if (labels.isEmpty()) {
            return "";
        }
        return (labels.size() == 1 ? " for release `" : " for releases `") + String.join("`, `", labels) + '`';
    }

    private static String icon(String verdict) {
        return switch (verdict) {
            case "PASS" -> "✅";
            case "FAIL" -> "❌";
            default -> "⚠️";
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
