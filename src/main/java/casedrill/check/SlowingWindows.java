package casedrill.check;

import java.util.List;

/**
 * When faults that only slow (latency, bandwidth, Chaos Monkey's latency assault) were in effect: from each such
 * {@code fault_injected} to the {@code fault_healed} of the same fault, or to the drill's end. Requests keep
 * succeeding under such a fault, so success-based recovery would call its whole window "recovered".
 */
final class SlowingWindows {
    private record Window(long fromMs, long toMs) {}

    private final List<Window> windows;

    SlowingWindows(List<FaultSpan> faults, long endMs) {
        // Unhealed, a slowing fault lasts to the end even in older histories, which did not say whether it lasted.
        this.windows = faults.stream().filter(FaultSpan::slowsOnly)
                .map(f -> new Window(f.injectedMs(), f.healedMs().orElse(endMs))).toList();
    }

    boolean slowing(long t) {
        return windows.stream().anyMatch(w -> t >= w.fromMs() && t < w.toMs());
    }
}
