package casedrill.gate;

import static casedrill.report.Markup.esc;

import casedrill.report.DrillResult;
import java.util.Locale;

/**
 * The gate's combined {@code junit.xml}: one test suite per scenario with a {@code verdict} test case
 * (the drill reached the verdict the suite expects), one per target for drills expected to pass, and a
 * {@code baseline} test case when there was a baseline to compare with.
 */
public final class GateJunit {
    public static final String FILE = "junit.xml";

    private GateJunit() {
    }

    public static String render(GateOutcome outcome) {
        StringBuilder suites = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int errors = 0;
        for (GateOutcome.Row row : outcome.rows()) {
            StringBuilder cases = new StringBuilder();
            int[] counts = new int[3];
            String id = row.entry().scenarioId();
            String detail = "expected " + row.entry().expected() + ", got " + row.result().map(r -> r.verdict().name()).orElse("no result") + ": " + row.why();
            boolean verdictMissed = row.result().map(r -> !r.verdict().name().equals(row.entry().expected())).orElse(true);
            testCase(cases, counts, id, "verdict", row.verdict().equals("UNKNOWN") ? "UNKNOWN" : verdictMissed ? "FAIL" : "PASS", detail);
            if (row.entry().expected().equals("PASS")) {
                row.result().ifPresent(r -> r.targets().forEach(t -> testCase(cases, counts, id, t.name(), t.verdict().name(),
                        "target " + t.target().text() + ", measured " + t.measuredText() + ": " + t.explanation())));
            }
            row.baselineRun().ifPresent(b -> testCase(cases, counts, id, "baseline", row.regressions().isEmpty() ? "PASS" : "FAIL",
                    row.regressions().isEmpty() ? "no regression against " + b
                            : String.join("; ", row.regressions().stream().map(Regression::toString).toList())));
            suites.append(String.format(Locale.ROOT, "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\">%n",
                    esc("gate " + outcome.suite().id() + " / " + id), counts[0], counts[1], counts[2])).append(cases).append("  </testsuite>\n");
            tests += counts[0];
            failures += counts[1];
            errors += counts[2];
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + String.format(Locale.ROOT, "<testsuites name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\">%n",
                esc("gate " + outcome.suite().id()), tests, failures, errors)
                + suites + "</testsuites>\n";
    }

    private static void testCase(StringBuilder xml, int[] counts, String scenario, String name, String verdict, String detail) {
        counts[0]++;
        xml.append(String.format("    <testcase classname=\"%s\" name=\"%s\">%n", esc("drill." + scenario), esc(name)));
        switch (verdict) {
            case "FAIL" -> {
                counts[1]++;
                xml.append(String.format("      <failure message=\"%s\" type=\"GateFailed\">%s</failure>%n", esc(detail), esc(detail)));
            }
            case "UNKNOWN" -> {
                counts[2]++;
                xml.append(String.format("      <error message=\"%s\" type=\"Inconclusive\">%s</error>%n", esc(detail), esc(detail)));
            }
            default -> xml.append(String.format("      <system-out>%s</system-out>%n", esc(detail)));
        }
        xml.append("    </testcase>\n");
    }
}
