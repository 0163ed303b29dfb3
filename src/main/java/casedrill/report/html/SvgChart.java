package casedrill.report.html;

import static casedrill.report.Markup.esc;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts over the drill clock (seconds): lines, per-node lanes, or an empty frame saying no
 * data was recorded. Fault and runbook periods are drawn as bands behind the data on every chart, and each
 * disruption's T_fault and T_recovered as vertical lines. A line stops where its series has no value (NaN) and
 * starts again after: a gap, never a line drawn across seconds nobody measured.
 * Each chart is a {@code role="img"} with a title and a description, so screen readers get the gist;
 * the data itself is in the chart-data appendix.
 */
final class SvgChart {
    static final int WIDTH = 960;
    static final int HEIGHT = 220;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int BOTTOM = 36;

    /** One line: a value per second of the drill (NaN where there is none). */
    record Series(String name, String color, String dash, double[] values) {
    }

    /** A period to shade: a fault being active or a runbook step running. */
    record Band(double fromSec, double toSec, String label, boolean runbook) {
    }

    /** A moment to mark across the plot; {@code tag} is written beside the line (empty: the tooltip only). */
    record Marker(double atSec, Kind kind, String tag, String label) {
        enum Kind { FAULT, RECOVERED }
    }

    /** What every chart of a drill draws behind or across its data. */
    record Overlay(List<Band> bands, List<Marker> markers) {
        static final Overlay NONE = new Overlay(List.of(), List.of());
    }

    /**
     * One node's lane: the periods it was observed as leader, and the periods its database answered writable itself
     * (drawn as a thin stripe under the leader bar, so a second writable member shows; empty where not sampled).
     */
    record Lane(String node, List<double[]> leaderPeriods, List<double[]> writablePeriods) {
        Lane(String node, List<double[]> leaderPeriods) {
            this(node, leaderPeriods, List.of());
        }
    }

    private SvgChart() {
    }

    static String lines(String id, String title, String unit, String description, List<Series> series, Overlay overlay, double xMax) {
        double yMax = niceMax(series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.values())).filter(v -> !Double.isNaN(v)).max().orElse(1));
        StringBuilder svg = open(id, title, description);
        frame(svg, overlay, xMax);
        for (int i = 0; i <= 4; i++) {
            double v = yMax * i / 4;
            double y = y(v, yMax);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>", LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>", LEFT - 6, y + 4, number(v)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" class=\"tick\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">%s</text>",
                TOP + plotHeight() / 2, TOP + plotHeight() / 2, esc(unit)));
        for (Series s : series) {
            svg.append("<g class=\"series\"><title>").append(esc(s.name())).append("</title>");
            double[] v = s.values();
            for (int from = 0; from < v.length; from++) {
                if (Double.isNaN(v[from])) {
                    continue;
                }
                int to = from;
                while (to + 1 < v.length && !Double.isNaN(v[to + 1])) {
                    to++;
                }
                segment(svg, s, v, from, to, xMax, yMax);
                from = to;
            }
            svg.append("</g>");
        }
        legend(svg, series.stream().map(s -> new String[] {s.name(), s.color(), s.dash()}).toList(), overlay);
        return svg.append("</svg>").toString();
    }

    /** One run of seconds with values; a lone second is a dot, since a one-point line would not show. */
    private static void segment(StringBuilder svg, Series s, double[] v, int from, int to, double xMax, double yMax) {
        if (from == to) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>",
                    x(from + 0.5, xMax), y(v[from], yMax), s.color()));
            return;
        }
        svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(s.color()).append('"')
                .append(s.dash().isEmpty() ? "" : " stroke-dasharray=\"" + s.dash() + "\"").append(" points=\"");
        for (int t = from; t <= to; t++) {
            svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(t + 0.5, xMax), y(v[t], yMax)));
        }
        svg.append("\"/>");
    }

    static String lanes(String id, String title, String description, List<Lane> lanes, Overlay overlay, double xMax) {
        StringBuilder svg = open(id, title, description);
        frame(svg, overlay, xMax);
        double laneHeight = (double) plotHeight() / Math.max(1, lanes.size());
        for (int i = 0; i < lanes.size(); i++) {
            double top = TOP + i * laneHeight;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>", LEFT - 6,
                    top + laneHeight / 2 + 4, esc(lanes.get(i).node())));
            for (double[] p : lanes.get(i).leaderPeriods()) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"leader\"><title>%s leader %s–%s s</title></rect>",
                        x(p[0], xMax), top + laneHeight * 0.2, Math.max(1, x(p[1], xMax) - x(p[0], xMax)), laneHeight * 0.6,
                        esc(lanes.get(i).node()), number(p[0]), number(p[1])));
            }
            for (double[] p : lanes.get(i).writablePeriods()) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"writable\"><title>%s writable %s–%s s</title></rect>",
                        x(p[0], xMax), top + laneHeight * 0.82, Math.max(1, x(p[1], xMax) - x(p[0], xMax)), laneHeight * 0.1,
                        esc(lanes.get(i).node()), number(p[0]), number(p[1])));
            }
        }
        List<String[]> keys = new java.util.ArrayList<>(List.<String[]>of(new String[] {"leader (primary)", "#1b5e20", ""}));
        if (lanes.stream().anyMatch(l -> !l.writablePeriods().isEmpty())) {
            keys.add(new String[] {"writable (its own answer)", "#e65100", ""});
        }
        legend(svg, keys, overlay);
        return svg.append("</svg>").toString();
    }

    static String noData(String id, String title, String reason, Overlay overlay, double xMax) {
        StringBuilder svg = open(id, title, reason);
        frame(svg, overlay, xMax);
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"nodata\" text-anchor=\"middle\">%s</text>",
                LEFT + plotWidth() / 2, TOP + plotHeight() / 2, esc(reason)));
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, String description) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" aria-labelledby=\"%s-t %s-d\" class=\"chart\" id=\"%s\">"
                        + "<title id=\"%s-t\">%s</title><desc id=\"%s-d\">%s</desc>",
                WIDTH, HEIGHT, id, id, id, id, esc(title), id, esc(description)));
    }

    /** Bands first (behind everything), then the axes, the time ticks and the T_fault / T_recovered lines. */
    private static void frame(StringBuilder svg, Overlay overlay, double xMax) {
        for (Band b : overlay.bands()) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" class=\"%s\"><title>%s</title></rect>",
                    x(b.fromSec(), xMax), TOP, Math.max(1, x(Math.min(b.toSec(), xMax), xMax) - x(b.fromSec(), xMax)), plotHeight(),
                    b.runbook() ? "band-runbook" : "band-fault", esc(b.label())));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"plot\"/>", LEFT, TOP, plotWidth(), plotHeight()));
        double step = niceMax(xMax / 8);
        for (double t = 0; t <= xMax + 1e-9; t += step) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s s</text>", x(t, xMax), TOP + plotHeight() + 16, number(t)));
        }
        for (Marker m : overlay.markers()) {
            boolean fault = m.kind() == Marker.Kind.FAULT;
            double x = x(Math.min(m.atSec(), xMax), xMax);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"%s\" stroke=\"%s\" "
                            + "stroke-width=\"1.5\" stroke-dasharray=\"%s\"><title>%s</title></line>", x, TOP, x, TOP + plotHeight(),
                    fault ? "marker-fault" : "marker-recovered", markerColour(m.kind()), markerDash(m.kind()), esc(m.label())));
            if (!m.tag().isEmpty()) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" fill=\"%s\" text-anchor=\"%s\">%s</text>",
                        fault ? x - 3 : x + 3, TOP + 11, markerColour(m.kind()), fault ? "end" : "start", esc(m.tag())));
            }
        }
    }

    private static String markerColour(Marker.Kind kind) {
        return kind == Marker.Kind.FAULT ? "#b00020" : "#1b5e20";
    }

    private static String markerDash(Marker.Kind kind) {
        return kind == Marker.Kind.FAULT ? "5 3" : "2 2";
    }

    private static void legend(StringBuilder svg, List<String[]> lines, Overlay overlay) {
        int x = LEFT;
        int y = HEIGHT - 4;
        List<Band> bands = overlay.bands();
        List<String[]> entries = new java.util.ArrayList<>(lines);
        for (Marker.Kind kind : Marker.Kind.values()) {
            if (overlay.markers().stream().anyMatch(m -> m.kind() == kind)) {
                entries.add(new String[] {kind == Marker.Kind.FAULT ? "T_fault" : "T_recovered", markerColour(kind), markerDash(kind)});
            }
        }
        for (String[] e : entries) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"%s/>", x, y - 4, x + 18, y - 4, e[1],
                    e[2].isEmpty() ? "" : " stroke-dasharray=\"" + e[2] + "\""));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\">%s</text>", x + 22, y, esc(e[0])));
            x += 30 + 7 * e[0].length();
        }
        if (bands.stream().anyMatch(b -> !b.runbook())) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"18\" height=\"10\" class=\"band-fault\"/><text x=\"%d\" y=\"%d\" class=\"tick\">fault active</text>", x, y - 9, x + 22, y));
            x += 110;
        }
        if (bands.stream().anyMatch(Band::runbook)) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"18\" height=\"10\" class=\"band-runbook\"/><text x=\"%d\" y=\"%d\" class=\"tick\">runbook step</text>", x, y - 9, x + 22, y));
        }
    }

    private static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    private static double x(double sec, double xMax) {
        return LEFT + plotWidth() * Math.max(0, sec) / Math.max(1e-9, xMax);
    }

    private static double y(double v, double yMax) {
        return TOP + plotHeight() * (1 - v / yMax);
    }

    /** 1, 2 or 5 times a power of ten, at or above {@code v}: axes with round numbers. */
    static double niceMax(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v - 1e-12) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
