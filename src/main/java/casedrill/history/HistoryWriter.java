package casedrill.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends events to a JSON-lines file, one line per event, flushed per line so a killed harness leaves
 * a readable history. Thread-safe: probes, the recorder and the drill runner write concurrently.
 */
public final class HistoryWriter implements AutoCloseable {
    private final DrillClock clock;
    private final BufferedWriter out;
    private final Path file;

    public HistoryWriter(Path file, DrillClock clock) {
        this.file = file;
        this.clock = clock;
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open history file " + file, e);
        }
    }

    public DrillClock clock() {
        return clock;
    }

    public synchronized void append(Event event) {
        try {
            out.write(HistoryCodec.encode(event, clock.wallAt(event.offsetMs())));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to history file " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close history file " + file, e);
        }
    }
}
