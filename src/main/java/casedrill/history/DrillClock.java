package casedrill.history;

import java.time.Instant;

/** The drill's one monotonic clock: offsets since the drill started, and the wall time each offset maps to. */
public interface DrillClock {
    /** Milliseconds since the drill started, from a monotonic source. */
    long offsetMs();

    /** Wall time (UTC) of an offset; derived from the start, so wall times never jump with NTP. */
    Instant wallAt(long offsetMs);

    static DrillClock system() {
        return new SystemDrillClock(System.nanoTime(), Instant.now());
    }
}
