package casedrill.report;

import casedrill.notation.Percentage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue's standing: for each scenario its newest run, the verdict against what is expected of it
 * (PASS, or FAIL for scenarios tagged {@code expected-fail}, which exist to prove the harness catches a
 * known defect), and the measured RTO, RPO and error budget burned. Rendered as the Markdown table the
 * README links to.
 */
public final class CatalogueTable {
    /** Tag of scenarios whose correct outcome is a FAIL verdict. */
    public static final String EXPECTED_FAIL = "expected-fail";
    /** Tag of scenarios that reproduce a known, probabilistic bug: FAIL when it strikes, PASS when it does not. */
    public static final String KNOWN_BUG = "known-bug";

    /** What a scenario's verdict should be. */
    public enum Expectation {
        PASS, FAIL, EITHER;

        public static Expectation of(java.util.List<String> tags) {
            return tags.contains(EXPECTED_FAIL) ? FAIL : tags.contains(KNOWN_BUG) ? EITHER : PASS;
        }

        String label() {
            return this == EITHER ? "PASS or FAIL (probabilistic bug)" : name();
        }
    }

    private CatalogueTable() {}

    /** One scenario: its id, the verdict expected of it, and its newest result if it ever ran. */
    public record Entry(String scenario, Expectation expected, Optional<DrillResult> newest) {}

    /** How a scenario's newest run stands against its expectation. */
    public enum Standing {
        AS_EXPECTED, CONTRARY, NOT_RUN, INCONCLUSIVE;

        String label() {
            return switch (this) {
                case AS_EXPECTED -> "as expected";
                case CONTRARY -> "**contrary**";
                case NOT_RUN -> "not run";
                case INCONCLUSIVE -> "inconclusive";
            };
        }
    }

    public static Standing standing(Entry e) {
        if (e.newest().isEmpty()) {
            return Standing.NOT_RUN;
        }
        String verdict = e.newest().get().verdict().name();
        if (e.newest().get().verdict() == casedrill.check.Verdict.UNKNOWN) {
            return Standing.INCONCLUSIVE;
        }
        return e.expected() == Expectation.EITHER || verdict.equals(e.expected().name()) ? Standing.AS_EXPECTED : Standing.CONTRARY;
    }

    /** 0 when every scenario stands as expected, 1 when any verdict is contrary, else 3 (not run or inconclusive). */
    public static int exitCode(List<Entry> entries) {
        List<Standing> all = entries.stream().map(CatalogueTable::standing).toList();
        if (all.contains(Standing.CONTRARY)) {
            return 1;
        }
        return all.stream().allMatch(s -> s == Standing.AS_EXPECTED) ? 0 : 3;
    }

    public static String markdown(List<Entry> entries) {
        StringBuilder md = new StringBuilder();
        md.append("| scenario | expected | verdict | standing | RTO (target) | RPO (target) | errors (budget) | run (UTC) | wall |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Entry e : entries) {
            md.append("| ").append(e.scenario()).append(" | ").append(e.expected().label()).append(" | ");
            if (e.newest().isEmpty()) {
                md.append("– | ").append(Standing.NOT_RUN.label()).append(" | – | – | – | – | – |\n");
                continue;
            }
            DrillResult r = e.newest().get();
            md.append(r.verdict()).append(" | ").append(standing(e).label()).append(" | ")
                    .append(measured(r, "rto")).append(" | ").append(measured(r, "rpo")).append(" | ")
                    .append(errors(r)).append(" | ").append(r.startedAt().substring(0, Math.min(16, r.startedAt().length())).replace('T', ' '))
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f s", r.wallTimeMs() / 1000.0)).append(" |\n");
            if (r.exitCode() == 3 || r.exitCode() == 4) {
                md.append("| ↳ ").append(e.scenario()).append(" | | | | ").append(cell(r.reason())).append(" | | | | |\n");
            }
        }
        return md.toString();
    }

    private static String errors(DrillResult r) {
        Optional<DrillResult.TargetResult> budget = target(r, "error-budget");
        if (budget.isPresent()) {
            DrillResult.TargetResult t = budget.get();
            String share = t.measured().asRatio().isPresent() ? Percentage.measured(t.measured().asRatio().getAsDouble()) : t.measuredText();
            return cell(share + " (" + t.target().text() + ")" + failMark(t));
        }
        return target(r, "failed-requests").map(t -> cell(t.measuredText() + " (" + t.target().text() + ")" + failMark(t))).orElse("–");
    }

    private static String measured(DrillResult r, String name) {
        return target(r, name).map(t -> cell(t.measuredText() + " (" + t.target().text() + ")" + failMark(t))).orElse("–");
    }

    private static String failMark(DrillResult.TargetResult t) {
        return t.verdict() == casedrill.check.Verdict.PASS ? "" : " " + t.verdict();
    }

    private static Optional<DrillResult.TargetResult> target(DrillResult r, String name) {
        return r.target(name);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
