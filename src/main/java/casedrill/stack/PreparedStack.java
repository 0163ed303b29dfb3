package casedrill.stack;

/**
 * A stack made ready for a drill by a reusing caller (a suite, {@code run --reuse}): where it came from and the baseline
 * verification that preceded the drill.
 *
 * @param ref      the stack the drill attaches to
 * @param origin   {@link StackOrigin#FRESH} or {@link StackOrigin#REUSED}
 * @param baseline the verification of the stack the drill runs on
 * @param rejected the failed verification of a kept stack that was taken down and replaced by a fresh one; null when none
 */
public record PreparedStack(StackRef ref, StackOrigin origin, BaselineCheck baseline, BaselineCheck rejected) {
    public PreparedStack {
        if (origin == StackOrigin.ATTACHED) {
            throw new IllegalArgumentException("a prepared stack is fresh or reused, but was " + origin.label());
        }
    }
}
