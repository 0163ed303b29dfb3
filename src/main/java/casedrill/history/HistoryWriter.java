package casedrill.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Appends events to a JSON-lines file. {@link #append} never blocks (it is called from Netty event loops and
 * probe callbacks): events go to a lock-free queue that one writer thread drains every few milliseconds,
 * flushing after each batch so a killed harness leaves a readable history.
 */
public final class HistoryWriter implements AutoCloseable {
    private final DrillClock clock;
    private final Path file;
    private final BufferedWriter out;
    private final Queue<Event> pending = new ConcurrentLinkedQueue<>();
    private final PeriodicDrain drainer;
    private volatile boolean closed;

    public HistoryWriter(Path file, DrillClock clock) {
        this.file = file;
        this.clock = clock;
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open history file " + file, e);
        }
        this.drainer = new PeriodicDrain("history-writer", Duration.ofMillis(20), this::flush);
    }

    public DrillClock clock() {
        return clock;
    }

    public Path file() {
        return file;
    }

    public void append(Event event) {
        if (closed) {
            throw new IllegalStateException("history file " + file + " is closed");
        }
        pending.add(event);
    }

    /** Writes everything appended so far; for callers that must read the file next. */
    public synchronized void flush() {
        try {
            Event event;
            while ((event = pending.poll()) != null) {
                out.write(HistoryCodec.encode(event, clock.wallAt(event.offsetMs())));
                out.newLine();
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to history file " + file, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        drainer.close();
        try {
            flush();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close history file " + file, e);
        }
        drainer.rethrowFailure("writing history file " + file + " failed; its last lines may be missing");
    }
}
