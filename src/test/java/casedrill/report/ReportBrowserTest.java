package casedrill.report;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.report.completion.RunCompletion;
import casedrill.report.html.AuditorReport;
import casedrill.report.html.HeadlessBrowser;
import casedrill.testing.RunFixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the report as a person would: headless Chromium renders it, shows the verdict and the charts,
 * logs no console error, and the screenshot (kept in the run folder and in target/report-check/) is
 * not blank, and it prints to a multi-page PDF. Chromium is a build dependency ('make deps'), so this test fails, not skips, without it.
 */
class ReportBrowserTest {
    @TempDir
    Path reports;

    @Test
    void chromiumShowsVerdictAndChartsWithoutConsoleErrors() throws IOException {
        assertThat(HeadlessBrowser.available(HeadlessBrowser.DEFAULT_BINARY))
                .as(HeadlessBrowser.DEFAULT_BINARY + " is missing: install Debian's chromium (apt-get install -y chromium; 'make deps' does)").isTrue();
        Path run = RunFixtures.copy(reports, RunFixtures.LOST_WRITES).get(0);
        Path page = RunCompletion.writeReport(run, new AuditorReport.Context("browser-test", null));

        HeadlessBrowser.Rendering shown = new HeadlessBrowser(HeadlessBrowser.DEFAULT_BINARY).render(page, run.resolve("report-screenshot.png"), 5200);

        assertThat(shown.consoleLines()).as("console errors").isEmpty();
        assertThat(shown.dom()).contains("id=\"verdict\">FAIL</span>");
        assertThat(shown.dom().split("<svg", -1).length - 1).as("charts in the rendered DOM").isEqualTo(5);
        assertThat(shown.dom()).contains("<polyline").contains("no data recorded in this run");
        BufferedImage image = ImageIO.read(shown.screenshot().toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(distinctColours(image)).as("a rendered page, not a blank one").isGreaterThan(20);
        assertThat(contains(image, 0xFDE7EA)).as("the FAIL badge's background colour is on screen").isTrue();
        Path pdf = new HeadlessBrowser(HeadlessBrowser.DEFAULT_BINARY).printToPdf(page, reports.resolve("report.pdf"));
        String pdfText = new String(Files.readAllBytes(pdf), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(pdfText).as("printed to PDF").startsWith("%PDF-");
        assertThat(pdfText.split("/Type\\s*/Page[^s]", -1).length - 1).as("pages printed").isGreaterThanOrEqualTo(3);
        Path kept = Path.of("target", "report-check");
        Files.createDirectories(kept);
        Files.copy(shown.screenshot(), kept.resolve("dc1-power-loss.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pdf, kept.resolve("dc1-power-loss.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }

    private static boolean contains(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
