package casedrill.history;

import java.time.Instant;

/**
 * A drill clock whose offset 0 is set once, when the drill's load really starts, not when the harness began booting
 * the load generator (Gatling in-process takes 2–35 s to boot, longest on a loaded machine). Before {@link #start}
 * every offset reads 0 and maps to the current wall time.
 */
public final class StartingClock implements DrillClock {
    private volatile DrillClock started;

    /** Sets offset 0 to now; later calls change nothing. */
    public synchronized void start() {
        if (started == null) {
            started = DrillClock.system();
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
