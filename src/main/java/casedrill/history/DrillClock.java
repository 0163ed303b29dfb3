package casedrill.history;

import java.time.Instant;

/** The drill's one monotonic clock: offsets since the drill started, and the wall time each offset maps to. */
public interface DrillClock {
    /** Milliseconds since the drill started, from a monotonic source. */
    long offsetMs();

    /** Wall time (UTC) of an offset; derived from the start, so wall times never jump with NTP. */
    Instant wallAt(long offsetMs);

    static DrillClock system() {
        return fromNanoTime(System.nanoTime());
    }

    /** A system clock whose offset 0 is the given {@code System.nanoTime} reading (tests share that origin). */
    static DrillClock fromNanoTime(long originNanos) {
        Instant now = Instant.now();
        return new SystemDrillClock(originNanos, now.minusNanos(System.nanoTime() - originNanos));
    }
}
