package casedrill.report;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.check.Measured;
import casedrill.report.html.HeadlessBrowser;
import casedrill.report.html.IndexBuilder;
import casedrill.testing.RunFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index charts RTO, RPO and error budget per scenario against release labels (run order when unlabelled); a single
 * run is a point, axes say what they count, times read as "2026-12-02 16:55 UTC". Chromium renders it (screenshot in
 * target/report-check/index.png); Chromium is a build dependency, so this fails, not skips, without it.
 */
class TrendIndexTest {
    @TempDir
    Path reports;

    private void write(String runId, String release, double rtoSeconds, double failedRatio) throws IOException {
        DrillResult r = ResultFilesTest.literal();
        List<DrillResult.TargetResult> targets = List.of(
                new DrillResult.TargetResult("rto", "rto", r.targets().get(0).target(), r.targets().get(0).verdict(),
                        new Measured.Recovery(rtoSeconds, List.of()), "worst"),
                r.targets().get(1),
                new DrillResult.TargetResult("error-budget", "error-budget", casedrill.check.Demand.ratio("≤ 20%", 0.2), casedrill.check.Verdict.PASS,
                        Measured.Requests.of(Math.round(failedRatio * 1000), 1000, 0, 0), "budget"));
        DrillResult labelled = new DrillResult(r.schemaVersion(), runId, release, r.scenario(), r.stack(), "2026-12-02T16:55:42.123456789Z",
                r.endedAt(), r.wallTimeMs(), r.plan(), r.timeline(), targets, r.verdict(), r.exitCode(), r.reason(), r.definitions());
        ResultFiles.write(reports.resolve(r.scenario().id()).resolve(runId), labelled);
    }

    @Test
    void releasesAreTheXAxisASingleRunIsAPointAndTimesReadAsMinutes() throws IOException {
        write("20261202-165542-aa01", "2.4.0", 23.4, 0.05);
        write("20261202-175542-aa02", "2.4.1", 31.0, 0.12);
        RunFixtures.copy(reports, RunFixtures.PASSING);

        Path index = IndexBuilder.rebuild(reports, Instant.parse("2026-12-02T18:10:00Z"));
        String html = Files.readString(index);

        assertThat(html).contains("rebuilt 2026-12-02 18:10 UTC").contains("<td>2026-12-02 16:55 UTC</td>").doesNotContain("16:55:42.123");
        assertThat(html).contains(">2.4.0</text>").contains(">2.4.1</text>").contains(">RTO (seconds)</text>").contains(">RPO (seconds)</text>")
                .contains(">failed requests (%)</text>").contains(">release (unlabelled runs: run number, oldest first)</text>")
                .contains("<td>2.4.1</td>").doesNotContain(" s</text>").contains(">37.5</text>");
        String single = html.substring(html.indexOf("id=\"s-pg-primary-crash\""));
        assertThat(single).as("a version 1 run without a label: one point at 'run 1'").contains(">run 1</text>").contains("<circle")
                .contains(">run number, oldest first</text>");

        assertThat(HeadlessBrowser.available(HeadlessBrowser.DEFAULT_BINARY))
                .as(HeadlessBrowser.DEFAULT_BINARY + " is missing: install Debian's chromium (apt-get install -y chromium; 'make deps' does)").isTrue();
        Path kept = Files.createDirectories(Path.of("target", "report-check"));
        HeadlessBrowser.Rendering shown = new HeadlessBrowser(HeadlessBrowser.DEFAULT_BINARY).render(index, kept.resolve("index.png"), 2400);
        assertThat(shown.consoleLines()).as("console errors").isEmpty();
        assertThat(shown.dom().split("<circle", -1).length - 1).as("points: 2 runs x 3 figures, 1 run x 3 figures").isEqualTo(9);
    }
}
