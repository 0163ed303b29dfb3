package casedrill.report;

import java.util.Locale;

/** A minimal self-contained {@code report.html}: the verdict and the target table (the auditor's report is its own issue). */
public final class ReportHtml {
    public static final String FILE = "report.html";

    private ReportHtml() {
    }

    public static String render(DrillResult r) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.append("<title>Drill ").append(esc(r.scenario().id())).append(": ").append(r.verdict()).append("</title>");
        html.append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #999;padding:4px 8px;text-align:left}.PASS{background:#cfc}.FAIL{background:#fcc}"
                + ".UNKNOWN{background:#ffc}</style></head><body>\n");
        html.append("<h1>").append(esc(r.scenario().id())).append(" — <span class=\"").append(r.verdict()).append("\">")
                .append(r.verdict()).append("</span></h1>\n");
        html.append("<p>").append(esc(r.scenario().title())).append("</p>\n");
        html.append(String.format(Locale.ROOT, "<p>Run %s, %s to %s; exit code %d: %s</p>%n", esc(r.runId()), esc(r.startedAt()),
                esc(r.endedAt()), r.exitCode(), esc(r.reason())));
        html.append("<table><tr><th>target</th><th>demanded</th><th>measured</th><th>verdict</th><th>why</th></tr>\n");
        for (DrillResult.TargetResult t : r.targets()) {
            html.append("<tr class=\"").append(t.verdict()).append("\"><td>").append(esc(t.name())).append("</td><td>")
                    .append(esc(t.target().text())).append("</td><td>").append(esc(t.measuredText())).append("</td><td>")
                    .append(t.verdict()).append("</td><td>").append(esc(t.explanation())).append("</td></tr>\n");
        }
        html.append("</table>\n</body></html>\n");
        return html.toString();
    }

    private static String esc(String s) {
        return JunitXml.esc(s);
    }
}
