package casedrill.check;

import casedrill.history.Event;
import casedrill.history.History;
import java.util.ArrayList;
import java.util.List;

/**
 * When faults that only slow (latency, bandwidth, Chaos Monkey's latency assault) were in effect: from each such
 * {@code fault_injected} to the {@code fault_healed} of the same fault name, or to the drill's end. Requests keep
 * succeeding under such a fault, so success-based recovery would call its whole window "recovered".
 */
final class SlowingWindows {
    private record Window(long fromMs, long toMs) {}

    private final List<Window> windows;

    SlowingWindows(History history) {
        List<Event.FaultHealed> heals = history.all(Event.FaultHealed.class).toList();
        List<Window> found = new ArrayList<>();
        history.all(Event.FaultInjected.class).filter(Event.FaultInjected::slowsOnly).forEach(f -> {
            long healed = heals.stream()
                    .filter(h -> h.offsetMs() >= f.offsetMs() && faultName(h.target()).equals(faultName(f.target())))
                    .mapToLong(Event::offsetMs).min().orElse(history.endMs());
            found.add(new Window(f.offsetMs(), healed));
        });
        this.windows = List.copyOf(found);
    }

    boolean slowing(long t) {
        return windows.stream().anyMatch(w -> t >= w.fromMs() && t < w.toMs());
    }

    /** Histories name a fault first in {@code target} ("slow-dc1 site:dc1 (exact: ...)"). */
    private static String faultName(String target) {
        return target == null ? "" : target.split(" ", 2)[0];
    }
}
