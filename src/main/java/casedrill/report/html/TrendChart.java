package casedrill.report.html;

import static casedrill.report.Markup.esc;

import java.util.List;
import java.util.Locale;

/**
 * One figure of one scenario across its runs, as inline SVG: the x axis names each run (its release label, else its
 * place in the run order), the y axis says the figure and its unit, every measured run is a point (so a single run
 * shows), points of consecutive runs are joined. A run that did not measure the figure has no point.
 */
final class TrendChart {
    private static final int WIDTH = 960;
    private static final int HEIGHT = 240;
    private static final int LEFT = 72;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 56;

    /** One run on the x axis: its label and its value (NaN: not measured), and what to say on hover. */
    record Point(String label, double value, String title) {
    }

    private TrendChart() {
    }

    /** Quarters of 1, 2 or 5 times a power of ten need up to two decimals (1.25, 3.75); no trailing zeros. */
    private static String tick(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * @param yTitle what the y axis counts, with its unit ("RTO (seconds)")
     * @param xTitle what the x axis counts ("release" or "run, oldest first")
     */
    static String render(String id, String title, String yTitle, String xTitle, List<Point> points) {
        double yMax = SvgChart.niceMax(points.stream().mapToDouble(Point::value).filter(v -> !Double.isNaN(v)).max().orElse(1));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        double step = (double) plotW / Math.max(1, points.size());
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart\" id=\"%s\" role=\"img\" aria-labelledby=\"%s-t %s-d\" viewBox=\"0 0 %d %d\" width=\"100%%\">"
                        + "<title id=\"%s-t\">%s</title><desc id=\"%s-d\">%s per %s; %d run(s).</desc>",
                esc(id), esc(id), esc(id), WIDTH, HEIGHT, esc(id), esc(title), esc(id), esc(yTitle), esc(xTitle), points.size()));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"plot\"/>", LEFT, TOP, plotW, plotH));
        for (int i = 0; i <= 4; i++) {
            double v = yMax * i / 4;
            double y = TOP + plotH * (1 - v / yMax);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>", LEFT, y, WIDTH - RIGHT, y))
                    .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>", LEFT - 6, y + 4,
                            tick(v)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" class=\"tick\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">%s</text>",
                TOP + plotH / 2, TOP + plotH / 2, esc(yTitle)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>", LEFT + plotW / 2,
                HEIGHT - 8, esc(xTitle)));
        StringBuilder line = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = LEFT + step * (i + 0.5);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>", x, TOP + plotH + 18,
                    esc(p.label())));
            if (Double.isNaN(p.value())) {
                continue;
            }
            double y = TOP + plotH * (1 - p.value() / yMax);
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#1f4e9c\"><title>%s</title></circle>", x, y,
                    esc(p.title())));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#1f4e9c\" stroke-width=\"2\" points=\"").append(line.toString().trim()).append("\"/>");
        return svg.append(dots).append("</svg>").toString();
    }
}
