package casedrill.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code <reports>/gate/<suite>/<gate-id>/}: the combined junit.xml and summary.md, and runs.json
 * (scenario id → its run folder, relative to this folder) so the gate can serve as a later baseline.
 */
public final class GateFolder {
    public static final String RUNS = "runs.json";

    private GateFolder() {
    }

    public static Path write(Path folder, GateOutcome outcome) {
        Map<String, String> runs = new LinkedHashMap<>();
        outcome.rows().forEach(r -> r.runFolder().ifPresent(f -> runs.put(r.entry().scenarioId(),
                folder.toAbsolutePath().relativize(f.toAbsolutePath()).toString())));
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(GateJunit.FILE), GateJunit.render(outcome));
            Files.writeString(folder.resolve(GateSummary.FILE), GateSummary.render(outcome));
            Files.writeString(folder.resolve(RUNS), JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(runs) + "\n");
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the gate's results to " + folder, e);
        }
    }

    /** Names this gate folder {@code tag} under {@code <reports>/tags/}, for {@code --baseline <tag>}. */
    public static void tag(Path reportsRoot, String tag, Path folder) {
        Path tags = reportsRoot.resolve(RecordedRuns.TAGS);
        try {
            Files.createDirectories(tags);
            Files.writeString(tags.resolve(tag), tags.toAbsolutePath().relativize(folder.toAbsolutePath()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write tag " + tags.resolve(tag), e);
        }
    }
}
