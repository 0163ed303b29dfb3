package casedrill.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes every result file of a run folder: result.json, junit.xml, summary.md and report.html. */
public final class ResultFiles {
    private ResultFiles() {
    }

    public static List<Path> write(Path runFolder, DrillResult result) {
        try {
            Files.createDirectories(runFolder);
            return List.of(
                    Files.writeString(runFolder.resolve(ResultJson.FILE), ResultJson.render(result)),
                    Files.writeString(runFolder.resolve(JunitXml.FILE), JunitXml.render(result)),
                    Files.writeString(runFolder.resolve(SummaryMarkdown.FILE), SummaryMarkdown.render(result)),
                    Files.writeString(runFolder.resolve(ReportHtml.FILE), ReportHtml.render(result)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + runFolder, e);
        }
    }
}
