package casedrill.report.html;

import static casedrill.report.Markup.esc;

import java.util.List;
import java.util.Locale;

/**
 * The charts section and its text equivalents: each figure has a caption saying what it shows in
 * words, and the chart-data appendix lists the numbers in 5-second steps. Charts for things the
 * history does not record yet show their frame and say so rather than invent data; seconds without
 * any recorded request are gaps in the lines and dashes in the tables.
 */
final class ChartsSection {
    static final String NO_DATA = "no data recorded in this run";
    private static final int STEP_SEC = 5;
    /** One colour and dash per transaction line, in name order; the total stays solid red. */
    private static final String[][] TRANSACTION_STYLES = {
            {"#e65100", "6 3"}, {"#6a1b9a", "2 2"}, {"#00695c", "8 3 2 3"}, {"#5d4037", "4 4"}, {"#1565c0", "1 3"}};

    private ChartsSection() {
    }

    static String render(DrillSeries d) {
        StringBuilder html = new StringBuilder("<section id=\"charts\"><h2>What happened, over time</h2>\n");
        html.append("<p>Time is seconds on the drill clock (0 = load starts). Shaded red: a fault was active; shaded blue: a runbook step ran. ")
                .append("Dashed vertical lines: T_fault (red) and T_recovered (green) of each disruption, as the RTO is measured. ")
                .append("A line stops where nothing was recorded.</p>\n");
        SvgChart.Overlay overlay = d.overlay();
        if (d.hasRequests()) {
            double peak = measured(d.okPerSec()).max().orElse(0);
            figure(html, SvgChart.lines("chart-throughput", "Throughput: successful requests per second", "requests/s",
                    "Successful Gatling requests and canary probes per second.",
                    List.of(new SvgChart.Series("succeeded", "#1f4e9c", "", d.okPerSec())), overlay, d.endSec()),
                    "Throughput: up to " + SvgChart.number(peak) + " successful requests per second" + dips(d) + gaps(d) + ".");
            long failedSeconds = measured(d.failedPerSec()).filter(v -> v > 0).count();
            double failedTotal = measured(d.failedPerSec()).sum();
            figure(html, SvgChart.lines("chart-errors", "Errors: failed requests per second, in all and per transaction", "failed/s",
                    "Failed or unanswered Gatling requests and canary probes per second, in all and per transaction.",
                    errorSeries(d), overlay, d.endSec()),
                    "Errors: " + SvgChart.number(failedTotal) + " failed requests in " + failedSeconds + " of " + d.okPerSec().length
                            + " seconds" + byTransaction(d) + ".");
            html.append(failuresTable(d));
        } else {
            figure(html, SvgChart.noData("chart-throughput", "Throughput", NO_DATA, overlay, d.endSec()), "Throughput: " + NO_DATA + ".");
            figure(html, SvgChart.noData("chart-errors", "Errors", NO_DATA, overlay, d.endSec()), "Errors: " + NO_DATA + ".");
        }
        if (d.hasLatency()) {
            figure(html, SvgChart.lines("chart-latency", "Latency of successful requests (p95 and p99)", "ms",
                    "p95 and p99 latency of successful Gatling requests per second, in milliseconds.",
                    List.of(new SvgChart.Series("p95", "#1f4e9c", "", d.p95Ms()), new SvgChart.Series("p99", "#6a1b9a", "6 3", d.p99Ms())),
                    overlay, d.endSec()),
                    String.format(Locale.ROOT, "Latency: p99 peaked at %s ms.", SvgChart.number(java.util.Arrays.stream(d.p99Ms())
                            .filter(v -> !Double.isNaN(v)).max().orElse(0))));
        } else {
            figure(html, SvgChart.noData("chart-latency", "Latency", NO_DATA, overlay, d.endSec()), "Latency: " + NO_DATA + ".");
        }
        if (d.lag().isEmpty()) {
            figure(html, SvgChart.noData("chart-lag", "Replication lag", NO_DATA, overlay, d.endSec()), "Replication lag: " + NO_DATA + ".");
        } else {
            figure(html, SvgChart.lines("chart-lag", "Replication lag per member, in bytes", "bytes",
                    "Replication lag of each replica behind the leader, as Patroni reported it every second, in bytes.",
                    lagSeries(d), overlay, d.endSec()), "Replication lag: " + lagText(d) + ".");
        }
        if (d.leaders().isEmpty()) {
            figure(html, SvgChart.noData("chart-leader", "Leader per node", NO_DATA, overlay, d.endSec()), "Leader per node: " + NO_DATA + ".");
        } else {
            figure(html, SvgChart.lanes("chart-leader", "Leader (primary) per node", "Which database node was observed as the leader, over time.",
                    d.leaders(), overlay, d.endSec()), "Leader per node: " + leaderText(d) + ".");
        }
        return html.append("</section>\n").toString();
    }

    private static List<SvgChart.Series> errorSeries(DrillSeries d) {
        List<SvgChart.Series> series = new java.util.ArrayList<>(List.of(new SvgChart.Series("failed (all)", "#b00020", "", d.failedPerSec())));
        for (int i = 0; i < d.failuresByTransaction().size(); i++) {
            DrillSeries.TransactionFailures tx = d.failuresByTransaction().get(i);
            String[] style = TRANSACTION_STYLES[i % TRANSACTION_STYLES.length];
            series.add(new SvgChart.Series(tx.transaction(), style[0], style[1], tx.failedPerSec()));
        }
        return series;
    }

    private static List<SvgChart.Series> lagSeries(DrillSeries d) {
        List<SvgChart.Series> series = new java.util.ArrayList<>();
        for (int i = 0; i < d.lag().size(); i++) {
            String[] style = TRANSACTION_STYLES[i % TRANSACTION_STYLES.length];
            series.add(new SvgChart.Series(d.lag().get(i).member(), style[0], style[1], d.lag().get(i).bytesPerSec()));
        }
        return series;
    }

    private static String lagText(DrillSeries d) {
        return String.join("; ", d.lag().stream().map(l -> l.member() + " up to " + SvgChart.number(l.peak()) + " bytes").toList())
                + "; a line stops where Patroni reported no lag for the member (it led, or did not answer)";
    }

    private static String byTransaction(DrillSeries d) {
        List<String> failing = d.failuresByTransaction().stream().filter(t -> t.failed() > 0)
                .map(t -> t.transaction() + " " + t.failed()).toList();
        return failing.isEmpty() ? "" : " (" + String.join(", ", failing) + ")";
    }

    /** Failures per transaction as numbers, beside the lines that show when they happened. */
    private static String failuresTable(DrillSeries d) {
        StringBuilder html = new StringBuilder("<table id=\"failures-by-transaction\"><caption>Failed requests per transaction ")
                .append("(Gatling requests and canary probes)</caption><thead><tr><th scope=\"col\">transaction</th>")
                .append("<th scope=\"col\">failed</th><th scope=\"col\">requests</th><th scope=\"col\">failed (%)</th></tr></thead><tbody>\n");
        for (DrillSeries.TransactionFailures t : d.failuresByTransaction()) {
            html.append("<tr><th scope=\"row\">").append(esc(t.transaction())).append("</th><td>").append(t.failed()).append("</td><td>")
                    .append(t.requests()).append("</td><td>").append(String.format(Locale.ROOT, "%.2f", 100.0 * t.failed() / Math.max(1, t.requests())))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    /** The seconds that have a value; NaN marks a second without any recorded request. */
    private static java.util.stream.DoubleStream measured(double[] perSec) {
        return java.util.Arrays.stream(perSec).filter(v -> !Double.isNaN(v));
    }

    private static String gaps(DrillSeries d) {
        long missing = java.util.Arrays.stream(d.okPerSec()).filter(Double::isNaN).count();
        return missing == 0 ? "" : "; no request was recorded in " + missing + " of " + d.okPerSec().length + " seconds (gaps in the lines)";
    }

    private static void figure(StringBuilder html, String svg, String caption) {
        int colon = caption.indexOf(": ");
        html.append("<figure>").append(svg).append("<figcaption><strong>").append(esc(caption.substring(0, colon))).append("</strong>")
                .append(esc(caption.substring(colon))).append("</figcaption></figure>\n");
    }

    private static String dips(DrillSeries d) {
        int from = -1;
        int to = -1;
        for (int s = 0; s < d.failedPerSec().length; s++) {
            if (d.failedPerSec()[s] > 0) {
                from = from < 0 ? s : from;
                to = s;
            }
        }
        return from < 0 ? "; no request failed" : "; requests failed between " + from + " s and " + (to + 1) + " s";
    }

    private static String leaderText(DrillSeries d) {
        String leaders = periodsText(d.leaders(), SvgChart.Lane::leaderPeriods);
        String writable = periodsText(d.leaders(), SvgChart.Lane::writablePeriods);
        return (leaders.isEmpty() ? "no member was named leader" : leaders)
                + (writable.isEmpty() ? "" : ". Writable, as each database answered itself: " + writable);
    }

    private static String periodsText(List<SvgChart.Lane> lanes, java.util.function.Function<SvgChart.Lane, List<double[]>> periods) {
        return String.join("; ", lanes.stream().filter(l -> !periods.apply(l).isEmpty()).map(l -> l.node() + " " + String.join(", ",
                periods.apply(l).stream().map(p -> SvgChart.number(p[0]) + "–" + SvgChart.number(p[1]) + " s").toList())).toList());
    }

    /** The numbers behind the charts, in 5-second steps, for readers who cannot see them. */
    static String dataTable(DrillSeries d) {
        StringBuilder html = new StringBuilder("<section id=\"chart-data\"><h3>Chart data</h3>\n");
        if (!d.hasRequests()) {
            return html.append("<p>No request data was recorded in this run.</p></section>\n").toString();
        }
        html.append("<table><caption>Requests and latency in ").append(STEP_SEC).append("-second steps</caption>")
                .append("<thead><tr><th scope=\"col\">from (s)</th><th scope=\"col\">succeeded</th><th scope=\"col\">failed</th>")
                .append("<th scope=\"col\">worst p95 (ms)</th><th scope=\"col\">worst p99 (ms)</th></tr></thead><tbody>\n");
        for (int s = 0; s < d.okPerSec().length; s += STEP_SEC) {
            double ok = Double.NaN;
            double failed = Double.NaN;
            double p95 = Double.NaN;
            double p99 = Double.NaN;
            for (int i = s; i < Math.min(s + STEP_SEC, d.okPerSec().length); i++) {
                ok = sum(ok, d.okPerSec()[i]);
                failed = sum(failed, d.failedPerSec()[i]);
                p95 = Double.isNaN(p95) ? d.p95Ms()[i] : Double.isNaN(d.p95Ms()[i]) ? p95 : Math.max(p95, d.p95Ms()[i]);
                p99 = Double.isNaN(p99) ? d.p99Ms()[i] : Double.isNaN(d.p99Ms()[i]) ? p99 : Math.max(p99, d.p99Ms()[i]);
            }
            html.append("<tr><th scope=\"row\">").append(s).append("</th><td>").append(Double.isNaN(ok) ? "–" : SvgChart.number(ok))
                    .append("</td><td>").append(Double.isNaN(failed) ? "–" : SvgChart.number(failed)).append("</td><td>").append(Double.isNaN(p95) ? "–" : SvgChart.number(Math.round(p95)))
                    .append("</td><td>").append(Double.isNaN(p99) ? "–" : SvgChart.number(Math.round(p99))).append("</td></tr>\n");
        }
        return html.append("</tbody></table></section>\n").toString();
    }

    /** NaN (nothing recorded) plus NaN stays NaN; otherwise NaN counts as nothing. */
    private static double sum(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : a + b;
    }
}
