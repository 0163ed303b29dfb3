package casedrill.report.html;

import static casedrill.report.html.Markup.esc;

import casedrill.gate.Measures;
import casedrill.report.DrillResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code reports/index.html}: every run by scenario with its verdict and measured RTO, lost writes and
 * error budget, a chart of RTO per scenario over its runs, and a link to each run's report.
 */
public final class TrendIndex {
    public static final String FILE = "index.html";

    /** One run as the index lists it; {@code href} is its report relative to the index. */
    public record Run(String href, DrillResult result) {
    }

    private TrendIndex() {
    }

    /** @param runs scenario id → its runs, oldest first */
    public static String render(Map<String, List<Run>> runs, String generatedAt) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<title>casedrill: every drill run</title>\n<style>").append(ReportStyle.CSS).append("</style></head>\n<body>\n<main>\n")
                .append("<h1>casedrill: every drill run</h1>\n<p>").append(runs.values().stream().mapToInt(List::size).sum()).append(" runs of ")
                .append(runs.size()).append(" scenarios; rebuilt ").append(esc(generatedAt)).append(" by <code>report --index</code>.</p>\n");
        if (runs.isEmpty()) {
            html.append("<p>No run folders yet.</p>\n");
        }
        html.append("<nav aria-label=\"scenarios\"><ul>\n");
        runs.keySet().forEach(id -> html.append("<li><a href=\"#s-").append(esc(id)).append("\">").append(esc(id)).append("</a></li>\n"));
        html.append("</ul></nav>\n");
        runs.forEach((id, list) -> scenario(html, id, list));
        return html.append("</main>\n</body></html>\n").toString();
    }

    private static void scenario(StringBuilder html, String id, List<Run> list) {
        html.append("<section id=\"s-").append(esc(id)).append("\"><h2>").append(esc(id)).append("</h2>\n");
        double[] rto = list.stream().mapToDouble(r -> Measures.of(r.result()).rtoMs().stream()
                .mapToDouble(ms -> ms == Long.MAX_VALUE ? Double.NaN : ms / 1000.0).findFirst().orElse(Double.NaN)).toArray();
        if (java.util.Arrays.stream(rto).anyMatch(v -> !Double.isNaN(v))) {
            html.append("<figure>").append(SvgChart.lines("rto-" + id, "Measured RTO per run of " + id, "RTO (s)",
                    "Measured RTO of each run in order, oldest first; the x axis counts runs.",
                    List.of(new SvgChart.Series("RTO measured", "#1f4e9c", "", rto)), List.of(), Math.max(1, rto.length)))
                    .append("<figcaption>Measured RTO per run (x axis: run number, oldest first; the table below has the values).</figcaption></figure>\n");
        } else {
            html.append("<p>No run of this scenario measured an RTO.</p>\n");
        }
        html.append("<table><caption>Runs of ").append(esc(id)).append(", newest first</caption><thead><tr><th scope=\"col\">run</th>")
                .append("<th scope=\"col\">started (UTC)</th><th scope=\"col\">verdict</th><th scope=\"col\">RTO</th><th scope=\"col\">RPO</th>")
                .append("<th scope=\"col\">lost writes</th><th scope=\"col\">error budget burned</th></tr></thead><tbody>\n");
        for (int i = list.size() - 1; i >= 0; i--) {
            DrillResult r = list.get(i).result();
            Measures m = Measures.of(r);
            html.append("<tr><th scope=\"row\"><a href=\"").append(esc(list.get(i).href())).append("\">").append(esc(r.runId())).append("</a></th><td>")
                    .append(esc(r.startedAt())).append("</td><td><span class=\"verdict ").append(r.verdict().name()).append("\">").append(r.verdict().name())
                    .append("</span></td><td>").append(esc(measured(r, "rto"))).append("</td><td>").append(esc(measured(r, "rpo"))).append("</td><td>")
                    .append(m.lostWrites().isPresent() ? String.valueOf(m.lostWrites().getAsLong()) : "–").append("</td><td>")
                    .append(m.errorBudgetPercent().isPresent() ? String.format(Locale.ROOT, "%.3f %%", m.errorBudgetPercent().getAsDouble()) : "–")
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table></section>\n");
    }

    private static String measured(DrillResult r, String checker) {
        return r.targets().stream().filter(t -> t.checker().equals(checker)).map(t -> t.measuredText() + " (" + t.verdict() + ")").findFirst().orElse("–");
    }
}
