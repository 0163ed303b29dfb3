package casedrill.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** {@code reports/<scenario>/<run-id>/}: created before anything starts, so even a failed stack start has a folder. */
record RunFolder(String runId, Path dir) {
    static RunFolder create(Path reportsRoot, String scenario, Instant now) {
        String id = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now) + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        Path dir = reportsRoot.resolve(scenario).resolve(id);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder " + dir, e);
        }
        return new RunFolder(id, dir);
    }

    Path history() {
        return dir.resolve("history.jsonl");
    }
}
