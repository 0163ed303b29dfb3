package casedrill.history;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * A drill clock whose offset 0 is set once, when the drill's load really starts, not when the harness began booting
 * the load generator (Gatling in-process takes 2–35 s to boot, longest on a loaded machine). Before {@link #start}
 * every offset reads 0 and maps to the current wall time.
 */
public final class StartingClock implements DrillClock {
    private final Supplier<DrillClock> origin;
    private volatile DrillClock started;

    public StartingClock() {
        this(DrillClock::system);
    }

    /** @param origin makes the clock whose offset 0 is the moment it is asked for (tests pass their own) */
    public StartingClock(Supplier<DrillClock> origin) {
        this.origin = origin;
    }

    /** Sets offset 0 to now; later calls change nothing. */
    public synchronized void start() {
        if (started == null) {
            started = origin.get();
        }
    }

    public boolean started() {
        return started != null;
    }

    @Override
    public long offsetMs() {
        DrillClock clock = started;
        return clock == null ? 0 : clock.offsetMs();
    }

    @Override
    public Instant wallAt(long offsetMs) {
        DrillClock clock = started;
        return clock == null ? Instant.now().plusMillis(offsetMs) : clock.wallAt(offsetMs);
    }
}
