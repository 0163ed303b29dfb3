package casedrill.stack;

/**
 * The instant an action took effect: the first signal sent, the first partition rule in, the API call that
 * changed a proxy sent. A {@link System#nanoTime()} reading, so it is monotonic and comparable with the drill
 * clock; whatever was prepared before it (process trees listed, start times checked) is not part of it.
 */
public record EffectiveAt(long nanoTime) {
    public static EffectiveAt now() {
        return new EffectiveAt(System.nanoTime());
    }

    /** The earlier of the two (a fault acting in several steps took effect at its first). */
    public EffectiveAt earliest(EffectiveAt other) {
        return other == null || nanoTime - other.nanoTime <= 0 ? this : other;
    }

    /** Milliseconds from {@code earlierNanoTime} to this instant; 0 when this came first. */
    public long millisSince(long earlierNanoTime) {
        return Math.max(0, nanoTime - earlierNanoTime) / 1_000_000;
    }
}
