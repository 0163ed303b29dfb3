package casedrill.history;

import java.time.Instant;

/** {@link DrillClock} on {@code System.nanoTime}, anchored to the wall time read once at the start. */
record SystemDrillClock(long startNanos, Instant startWall) implements DrillClock {
    @Override
    public long offsetMs() {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    @Override
    public Instant wallAt(long offsetMs) {
        return startWall.plusMillis(offsetMs);
    }
}
