package casedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.report.html.HeadlessBrowser;
import casedrill.testing.RunFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report --pdf: Chromium prints the auditor's report, the PDF is sealed with the run and verify checks it (fails, not skips, without Chromium). */
class ReportPdfTest {
    @TempDir
    Path reports;
    @TempDir
    Path keys;

    @Test
    void thePdfIsPrintedAndSealedWithTheRun() throws Exception {
        assertThat(HeadlessBrowser.available(HeadlessBrowser.DEFAULT_BINARY)).as(HeadlessBrowser.DEFAULT_BINARY + " is missing").isTrue();
        Path run = RunFixtures.copy(reports, RunFixtures.LOST_WRITES).get(0);
        String key = keys.resolve("signing-key").toString();

        CommandRun report = CommandRun.of("report", "--pdf", run.toString(), "--key", key);

        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("pdf: " + run.resolve("report.pdf"));
        byte[] pdf = Files.readAllBytes(run.resolve("report.pdf"));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(Files.readString(run.resolve("manifest.json"))).as("sealed with the run").contains("\"report.pdf\"");
        CommandRun verify = CommandRun.of("verify", run.toString(), "--public-key", key);
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();

        Files.write(run.resolve("report.pdf"), new byte[] {'%', 'P', 'D', 'F', '-'});
        assertThat(CommandRun.of("verify", run.toString(), "--public-key", key).exitCode()).as("a changed PDF is caught").isEqualTo(1);
    }

    /** What run --pdf does after its drill: the PDF is printed before the seal, so verify covers it. */
    @Test
    void afterARunThePdfIsSealedWithItAndASealedFolderIsNotReprinted() throws Exception {
        Path run = RunFixtures.copy(reports, RunFixtures.LOST_WRITES).get(0);
        Path key = keys.resolve("signing-key");

        casedrill.report.completion.RunCompletion.afterRun(reports, run.getParent().getFileName().toString(), run.getFileName().toString(), key,
                PdfPrinter.required("run --pdf"));

        assertThat(Files.readString(run.resolve("manifest.json"))).as("sealed with the run").contains("\"report.pdf\"");
        CommandRun verify = CommandRun.of("verify", run.toString(), "--public-key", key.toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        CommandRun again = CommandRun.of("report", "--pdf", run.toString(), "--key", key.toString());
        assertThat(again.exitCode()).as("a sealed folder is evidence").isEqualTo(2);
        assertThat(again.err()).contains("run --pdf");
    }
}
