package casedrill.report.html;

import static casedrill.report.Markup.esc;

import casedrill.history.History;
import casedrill.report.DrillResult;
import java.util.Map;

/**
 * {@code report.html} for an auditor: a self-contained document (no scripts, fonts, styles or images
 * from anywhere else) that can be read and printed without casedrill. Everything comes from the
 * run's result.json and history.jsonl; nothing is measured here.
 */
public final class AuditorReport {
    public static final String FILE = "report.html";

    /**
     * Who made the report and with which key it will be sealed.
     *
     * @param operator  who ran the drill (user name, or $CASEDRILL_OPERATOR)
     * @param publicKey the base64 Ed25519 public key that seals the run folder; null when not sealed
     */
    public record Context(String operator, String publicKey) {
    }

    private AuditorReport() {
    }

    public static String render(DrillResult r, History history, Context context) {
        DrillSeries series = DrillSeries.of(history);
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Drill report: ").append(esc(r.scenario().id())).append(" — ").append(r.verdict().name()).append("</title>\n")
                .append("<style>").append(ReportStyle.CSS).append("</style></head>\n<body>\n<main>\n");
        cover(html, r, context);
        scenario(html, r);
        html.append("<section id=\"definitions\"><h2>How this drill measures</h2>\n")
                .append("<p>These definitions were applied by the checkers that produced the verdicts below.</p>\n")
                .append(MarkdownLite.render(r.definitions(), 1)).append("</section>\n");
        targets(html, r);
        html.append(ObserverSection.render(r.observer()));
        html.append(ChartsSection.render(series));
        html.append(LedgerSection.render(history));
        html.append(RunbookSection.render(history, r.stack() == null ? "unknown" : r.stack().failover(),
                r.targets().stream().filter(t -> "runbook".equals(t.name())).findFirst()));
        timeline(html, r);
        appendix(html, r, context, series);
        return html.append("</main>\n</body></html>\n").toString();
    }

    private static void cover(StringBuilder html, DrillResult r, Context c) {
        html.append("<header class=\"cover\"><p>casedrill disaster-recovery drill report</p>\n<h1>").append(esc(r.scenario().title())).append("</h1>\n")
                .append("<p>Overall verdict: <span class=\"verdict ").append(r.verdict().name()).append("\" id=\"verdict\">").append(r.verdict().name())
                .append("</span> (exit code ").append(r.exitCode()).append(") — ").append(esc(r.reason())).append("</p>\n<dl>\n");
        dt(html, "System", "two-data-centre case-management stack"
                + (r.stack() == null ? " (no stack came up)" : ", topology " + r.stack().topology() + ", " + r.stack().variant()));
        dt(html, "Scenario", r.scenario().id() + " (" + r.scenario().file() + ")");
        dt(html, "Run", r.runId() + (r.release() == null ? "" : ", release " + r.release()));
        dt(html, "Date (UTC)", r.startedAt() + " to " + r.endedAt());
        dt(html, "Run by", c.operator());
        if (r.stack() != null) {
            dt(html, "Stack", r.stack().id() + ": " + r.stack().describeOrigin());
            dt(html, "Stack ran on", r.stack().describeWhere());
            dt(html, "Stack versions", String.join(", ", new java.util.TreeMap<>(r.stack().components()).entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList()));
        }
        dt(html, "Evidence", c.publicKey() == null ? "not sealed" : "sealed with Ed25519 key " + casedrill.evidence.PublicKeys.fingerprint(c.publicKey())
                + " (full key in the appendix); check with: casedrill verify <this run folder>");
        html.append("</dl></header>\n");
    }

    private static void dt(StringBuilder html, String term, String value) {
        html.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
    }

    private static void scenario(StringBuilder html, DrillResult r) {
        html.append("<section id=\"scenario\"><h2>The scenario in plain language</h2>\n<p>").append(esc(r.scenario().title()))
                .append(". Load and observation last ").append(SvgChart.number(r.scenario().durationMs() / 1000.0))
                .append(" seconds; failover is ").append(esc(r.stack() == null ? "unknown" : r.stack().failover())).append(". The plan was:</p>\n<ol>\n");
        for (var step : r.plan()) {
            html.append("<li>At ").append(SvgChart.number(step.atMs() / 1000.0)).append(" s").append(step.untilMs() == null ? "" : " until "
                    + SvgChart.number(step.untilMs() / 1000.0) + " s").append(": ").append(esc(step.what()))
                    .append(step.note() == null ? "" : " <em>(" + esc(step.note()) + ")</em>").append("</li>\n");
        }
        html.append("</ol></section>\n");
    }

    private static void targets(StringBuilder html, DrillResult r) {
        html.append("<section id=\"targets\"><h2>Targets and what was measured</h2>\n<table><caption>Targets: PASS, FAIL or UNKNOWN")
                .append(" (a target without data is UNKNOWN, never PASS)</caption><thead><tr><th scope=\"col\">target</th><th scope=\"col\">demanded</th>")
                .append("<th scope=\"col\">measured</th><th scope=\"col\">verdict</th><th scope=\"col\">why</th></tr></thead><tbody>\n");
        for (DrillResult.TargetResult t : r.targets()) {
            html.append("<tr><th scope=\"row\">").append(esc(t.name())).append("</th><td>").append(esc(t.target().text())).append("</td><td>")
                    .append(esc(t.measuredText())).append("</td><td><span class=\"verdict ").append(t.verdict().name()).append("\">").append(t.verdict().name())
                    .append("</span></td><td>").append(esc(t.explanation())).append("</td></tr>\n");
        }
        html.append("</tbody></table></section>\n");
    }

    private static void timeline(StringBuilder html, DrillResult r) {
        html.append("<section id=\"timeline\"><h2>Timeline</h2>\n<table><caption>What happened, in order</caption><thead><tr>")
                .append("<th scope=\"col\">drill clock (s)</th><th scope=\"col\">UTC</th><th scope=\"col\">event</th><th scope=\"col\">detail</th></tr></thead><tbody>\n");
        for (DrillResult.TimelineEntry e : r.timeline()) {
            html.append("<tr><td>").append(LedgerSection.seconds(e.offsetMs())).append("</td><td>").append(esc(e.wall())).append("</td><td>")
                    .append(esc(e.kind().replace('_', ' '))).append("</td><td>").append(esc(e.what())).append("</td></tr>\n");
        }
        html.append("</tbody></table></section>\n");
    }

    private static void appendix(StringBuilder html, DrillResult r, Context c, DrillSeries series) {
        html.append("<section id=\"appendix\"><h2>Appendix: environment manifest</h2>\n<table><caption>Environment</caption><tbody>\n");
        row(html, "scenario file", r.scenario().file());
        row(html, "scenario file SHA-256", r.scenario().sha256());
        row(html, "run id", r.runId());
        row(html, "command wall time", SvgChart.number(r.wallTimeMs() / 1000.0) + " s");
        if (r.stack() != null) {
            row(html, "stack id", r.stack().id());
            row(html, "topology", r.stack().topology());
            row(html, "variant", r.stack().variant());
            row(html, "failover", r.stack().failover());
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(r.stack().components()).entrySet()) {
                row(html, "version: " + e.getKey(), e.getValue());
            }
        }
        row(html, "signing public key (Ed25519, X.509, base64)", c.publicKey() == null ? "not sealed" : c.publicKey());
        html.append("</tbody></table>\n<p>The run folder's files are listed with their SHA-256 in <code>manifest.json</code>, signed in ")
                .append("<code>manifest.sig</code>; each manifest names the previous run's, and <code>reports/ledger</code> lists them in order.</p>\n");
        html.append(ChartsSection.dataTable(series)).append("</section>\n");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th scope=\"row\">").append(esc(name)).append("</th><td><code>").append(esc(value)).append("</code></td></tr>\n");
    }
}
