package casedrill.toxiproxy.toxic;

import java.util.random.RandomGenerator;

/**
 * A toxic's view of its link while planning one chunk (Toxiproxy's ToxicStub). Steps run in the
 * order they are planned; bytes of the chunk not yet emitted when the toxic is removed are passed
 * on, unless a {@link #drop()} already discarded them.
 */
public interface Stub {
    /** Forwards the next {@code length} bytes of the chunk. */
    void emit(int length);

    /** Discards the rest of the chunk. */
    void drop();

    /** Waits, counted from the end of the previous step. */
    void sleepNanos(long nanos);

    /** Waits until the given System.nanoTime instant. */
    void sleepUntil(long deadlineNanos);

    /** Holds everything until the toxic is updated or removed. */
    void stall();

    /** Closes the link gracefully once what was emitted before has been written (FIN). */
    void close();

    /** Closes both sockets of the connection abruptly (TCP RST). */
    void reset();

    /** Per-link state of a {@link StatefulToxic}; null for other toxics. */
    Object state();

    RandomGenerator random();
}
