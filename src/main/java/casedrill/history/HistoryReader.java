package casedrill.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a history file back; unknown event types are skipped, a malformed line names file and line. */
public final class HistoryReader {
    private HistoryReader() {}

    public static History read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read history file " + file, e);
        }
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                Event event = HistoryCodec.decode(line);
                if (event != null) {
                    events.add(event);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": malformed history line: " + e.getMessage(), e);
            }
        }
        return new History(events);
    }
}
