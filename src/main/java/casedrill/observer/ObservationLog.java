package casedrill.observer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code observer.jsonl} in the run folder: the observer's settings, then every write as it ended, then the read-back,
 * one JSON object a line, so an auditor can recompute the observer's figures without casedrill.
 */
public final class ObservationLog implements AutoCloseable {
    public static final String FILE = "observer.jsonl";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BufferedWriter out;

    public ObservationLog(Path runFolder) {
        try {
            out = Files.newBufferedWriter(runFolder.resolve(FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + runFolder.resolve(FILE), e);
        }
    }

    synchronized void settings(ObserverSettings s, ObserverClock clock) {
        line(Map.of("type", "settings", "edge", s.edge().toString(), "keyPrefix", s.keyPrefix(), "spacingMs", s.spacing().toMillis(),
                "inFlight", s.inFlight(), "timeoutMs", s.timeout().toMillis(), "anchorOffsetMs", clock.anchorOffsetMs()));
    }

    synchronized void write(ObservedWrite w) {
        line(Map.of("type", "write", "write", w));
    }

    public synchronized void readBack(ReadBack r) {
        line(Map.of("type", "read_back", "readBack", r));
    }

    private void line(Object value) {
        try {
            out.write(JSON.writeValueAsString(value));
            out.newLine();
            out.flush(); // a killed harness leaves every ended write on disk
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + FILE, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + FILE, e);
        }
    }
}
