package casedrill.report.html;

import static casedrill.report.Markup.esc;

import casedrill.check.Measured;
import casedrill.notation.Percentage;
import casedrill.report.DrillResult;
import casedrill.report.MeasuredText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * {@code reports/index.html}: every run by scenario with its release, verdict and measured RTO, RPO, lost writes and
 * error budget; charts of RTO, RPO and error budget per scenario against release labels (or the run order when the runs
 * carry none), and a link to each run's report.
 */
public final class TrendIndex {
    public static final String FILE = "index.html";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** One run as the index lists it; {@code href} is its report relative to the index. */
    public record Run(String href, DrillResult result) {
    }

    private TrendIndex() {
    }

    /** "2026-12-02 16:55 UTC" for an ISO instant; the text itself when it is not one. */
    public static String minute(String isoInstant) {
        try {
            return MINUTE.format(Instant.parse(isoInstant));
        } catch (DateTimeParseException e) {
            return isoInstant;
        }
    }

    /** @param runs scenario id → its runs, oldest first */
    public static String render(java.util.Map<String, List<Run>> runs, Instant generatedAt) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<title>casedrill: every drill run</title>\n<style>").append(ReportStyle.CSS).append("</style></head>\n<body>\n<main>\n")
                .append("<h1>casedrill: every drill run</h1>\n<p>").append(runs.values().stream().mapToInt(List::size).sum()).append(" runs of ")
                .append(runs.size()).append(" scenarios; rebuilt ").append(esc(MINUTE.format(generatedAt))).append(" by <code>report --index</code>.</p>\n");
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
        boolean labelled = list.stream().anyMatch(r -> r.result().release() != null);
        String xTitle = labelled ? "release (unlabelled runs: run number, oldest first)" : "run number, oldest first";
        chart(html, "rto-" + id, "Measured RTO of " + id, "RTO (seconds)", xTitle, list, TrendIndex::rtoSeconds);
        chart(html, "rpo-" + id, "Measured RPO of " + id, "RPO (seconds)", xTitle, list, r -> measured(r, "rpo").inSeconds());
        chart(html, "budget-" + id, "Error budget burned by " + id, "failed requests (%)", xTitle, list,
                r -> percent(measured(r, "error-budget").asRatio()));
        html.append("<table><caption>Runs of ").append(esc(id)).append(", newest first</caption><thead><tr><th scope=\"col\">run</th>")
                .append("<th scope=\"col\">release</th><th scope=\"col\">started</th><th scope=\"col\">verdict</th><th scope=\"col\">RTO</th>")
                .append("<th scope=\"col\">RPO</th><th scope=\"col\">lost writes</th><th scope=\"col\">error budget burned</th></tr></thead><tbody>\n");
        for (int i = list.size() - 1; i >= 0; i--) {
            DrillResult r = list.get(i).result();
            OptionalDouble budget = measured(r, "error-budget").asRatio();
            html.append("<tr><th scope=\"row\"><a href=\"").append(esc(list.get(i).href())).append("\">").append(esc(r.runId())).append("</a></th><td>")
                    .append(r.release() == null ? "–" : esc(r.release())).append("</td><td>").append(esc(minute(r.startedAt())))
                    .append("</td><td><span class=\"verdict ").append(r.verdict().name()).append("\">").append(r.verdict().name())
                    .append("</span></td><td>").append(esc(cell(r, "rto"))).append("</td><td>").append(esc(cell(r, "rpo"))).append("</td><td>")
                    .append(measured(r, "rpo").lostWrites().isPresent() ? String.valueOf(measured(r, "rpo").lostWrites().getAsLong()) : "–")
                    .append("</td><td>").append(budget.isPresent() ? Percentage.measured(budget.getAsDouble()) : "–").append("</td></tr>\n");
        }
        html.append("</tbody></table></section>\n");
    }

    private static void chart(StringBuilder html, String chartId, String title, String yTitle, String xTitle, List<Run> list,
                              Function<DrillResult, OptionalDouble> figure) {
        List<TrendChart.Point> points = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            DrillResult r = list.get(i).result();
            OptionalDouble v = figure.apply(r);
            String label = r.release() != null ? r.release() : "run " + (i + 1);
            points.add(new TrendChart.Point(label, v.isPresent() ? v.getAsDouble() : Double.NaN,
                    label + " (" + r.runId() + ", " + minute(r.startedAt()) + "): " + (v.isPresent() ? SvgChart.number(v.getAsDouble()) : "not measured")));
        }
        if (points.stream().allMatch(p -> Double.isNaN(p.value()))) {
            html.append("<p>No run of this scenario measured its ").append(esc(yTitle)).append(".</p>\n");
            return;
        }
        html.append("<figure>").append(TrendChart.render(chartId, title, yTitle, xTitle, points)).append("<figcaption>").append(esc(title))
                .append(" per ").append(esc(xTitle)).append("; each point is one run (hover for its id and time), the table below has the values.")
                .append("</figcaption></figure>\n");
    }

    /** Not recovered has no number: such a run has no point (its table row says "not recovered"). */
    private static OptionalDouble rtoSeconds(DrillResult r) {
        return measured(r, "rto").inSeconds();
    }

    private static OptionalDouble percent(OptionalDouble ratio) {
        return ratio.isPresent() ? OptionalDouble.of(ratio.getAsDouble() * 100) : OptionalDouble.empty();
    }

    private static Measured measured(DrillResult r, String checker) {
        return r.targets().stream().filter(t -> t.checker().equals(checker)).findFirst().map(DrillResult.TargetResult::measured)
                .orElse(new Measured.Nothing());
    }

    private static String cell(DrillResult r, String checker) {
        return r.targets().stream().filter(t -> t.checker().equals(checker)).map(t -> t.measuredText() + " (" + t.verdict() + ")").findFirst().orElse("–");
    }
}
