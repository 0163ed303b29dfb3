package casedrill.observer;

/**
 * The observer's own clock: its own {@code System.nanoTime} readings, placed on the drill's time line by one anchor
 * taken when it started (the drill offset at that moment), so its figures can be set beside T_fault.
 */
public record ObserverClock(long anchorOffsetMs, long originNanos) {
    public static ObserverClock startingAt(long drillOffsetMs) {
        return new ObserverClock(drillOffsetMs, System.nanoTime());
    }

    public long offsetMs() {
        return anchorOffsetMs + (System.nanoTime() - originNanos) / 1_000_000;
    }
}
