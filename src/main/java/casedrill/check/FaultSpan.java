package casedrill.check;

import casedrill.history.Event;
import casedrill.history.History;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One fault of a drill and how long it was in effect: from its {@code fault_injected} (T_fault) to the
 * {@code fault_healed} of the same fault, if any. A runbook's first {@code act} step is a one-off span too: a planned
 * switchover starts changing the system there, so its blip is measured like a fault's.
 *
 * @param lasting the fault stays in effect until healed (kill, power loss, partition, toxic); false for one-off actions
 */
record FaultSpan(long injectedMs, String name, boolean slowsOnly, boolean lasting, OptionalLong healedMs) {
    static final String RUNBOOK_ACT = "runbook act";

    /**
     * Until when the fault was active, for recovery: its heal (the drill's end when healed after it); the drill's end
     * when a lasting fault was never healed (a killed node stays down until something restarts it — a runbook that
     * fails over around it does not); its injection for a one-off action.
     */
    long activeUntil(long endMs) {
        if (healedMs.isPresent()) {
            return Math.max(injectedMs, Math.min(healedMs.getAsLong(), endMs));
        }
        return lasting ? Math.max(injectedMs, endMs) : injectedMs;
    }

    boolean activeAt(long t, long endMs) {
        return t >= injectedMs && t < activeUntil(endMs);
    }

    /** Every fault of the history and the runbook's first act step, by injection time. */
    static List<FaultSpan> of(History history) {
        List<Event.FaultHealed> heals = history.all(Event.FaultHealed.class).toList();
        List<FaultSpan> spans = new ArrayList<>();
        history.all(Event.FaultInjected.class).forEach(f -> {
            OptionalLong healed = heals.stream().filter(h -> h.offsetMs() >= f.offsetMs() && sameFault(f, h))
                    .mapToLong(Event::offsetMs).min();
            // Older histories have no lasting flag, but ActiveFaults only ever healed lasting faults: a heal says it lasted.
            boolean lasting = f.lasting() || (f.name() == null && healed.isPresent());
            spans.add(new FaultSpan(f.offsetMs(), nameOf(f), f.slowsOnly(), lasting, healed));
        });
        history.all(Event.RunbookStep.class).filter(s -> "act".equals(s.phase())).mapToLong(Event::offsetMs).min()
                .ifPresent(act -> spans.add(new FaultSpan(act, RUNBOOK_ACT, false, false, OptionalLong.empty())));
        return spans.stream().sorted(Comparator.comparingLong(FaultSpan::injectedMs)).toList();
    }

    private static boolean sameFault(Event.FaultInjected f, Event.FaultHealed h) {
        if (f.name() != null && h.name() != null) {
            return f.name().equals(h.name());
        }
        // Older histories carry no name: there, and only there, the target's first word is the fault's name.
        return firstWord(f.target()).equals(firstWord(h.target()));
    }

    private static String nameOf(Event.FaultInjected f) {
        return Objects.requireNonNullElseGet(f.name(), () -> firstWord(f.target()));
    }

    private static String firstWord(String target) {
        return target == null ? "" : target.split(" ", 2)[0];
    }
}
