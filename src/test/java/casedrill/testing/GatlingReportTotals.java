package casedrill.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The "All Requests" row of Gatling's own HTML report, as an auditor reads it. Gatling 3.15 writes no stats JSON
 * (simulation.log is binary): the figures exist only in the statistics table of {@code index.html}, row
 * {@code id="ROOT"}, columns 2 (total), 3 (OK) and 4 (KO).
 */
public record GatlingReportTotals(long requests, long ok, long ko) {
    private static final Pattern ROOT_ROW = Pattern.compile("<tr id=\"ROOT\".*?</tr>", Pattern.DOTALL);

    /** The report under {@code resultsDir} (Gatling's {@code -rf} folder), which must hold exactly one. */
    public static GatlingReportTotals read(Path resultsDir) throws IOException {
        List<Path> reports;
        try (Stream<Path> files = Files.walk(resultsDir)) {
            reports = files.filter(f -> f.getFileName().toString().equals("index.html")).toList();
        }
        if (reports.size() != 1) {
            throw new IllegalStateException("expected one Gatling report under " + resultsDir + ", found " + reports);
        }
        String html = Files.readString(reports.get(0));
        Matcher row = ROOT_ROW.matcher(html);
        if (!row.find()) {
            throw new IllegalStateException("no \"All Requests\" row (tr id=\"ROOT\") in " + reports.get(0));
        }
        return new GatlingReportTotals(column(row.group(), 2, reports.get(0)), column(row.group(), 3, reports.get(0)),
                column(row.group(), 4, reports.get(0)));
    }

    private static long column(String row, int column, Path file) {
        Matcher cell = Pattern.compile("class=\"value [a-z]+ col-" + column + "\">([^<]*)<").matcher(row);
        if (!cell.find()) {
            throw new IllegalStateException("no column " + column + " in the \"All Requests\" row of " + file);
        }
        // Gatling may group thousands ("6,294"); the cell holds nothing but the count.
        return Long.parseLong(cell.group(1).replaceAll("[^0-9]", ""));
    }
}
