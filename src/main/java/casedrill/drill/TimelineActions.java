package casedrill.drill;

import casedrill.fault.ActiveFaults;
import casedrill.fault.Fault;
import casedrill.fault.FaultContext;
import casedrill.history.DrillClock;
import casedrill.scenario.FaultStep;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/** What the runner does for each entry of the fault timeline: wait for it, then inject, heal or note a skip. */
final class TimelineActions implements FaultTimeline.Actions {
    private final DrillWait wait;
    private final DrillClock clock;
    private final ActiveFaults active;
    private final BiFunction<FaultStep, FaultContext, Fault> faults;
    private final FaultContext context;
    private final DrillNarration narration;
    private final DrillRecord record;
    private final long endMs;

    /** {@code endMs}: the drill's end, by which every auto-heal is due at the latest. */
    TimelineActions(DrillWait wait, DrillClock clock, ActiveFaults active, BiFunction<FaultStep, FaultContext, Fault> faults,
                    FaultContext context, DrillNarration narration, DrillRecord record, long endMs) {
        this.wait = wait;
        this.clock = clock;
        this.active = active;
        this.faults = faults;
        this.context = context;
        this.narration = narration;
        this.record = record;
        this.endMs = endMs;
    }

    @Override
    public DrillEnding waitUntil(long atMs) {
        return wait.until(atMs);
    }

    @Override
    public long healDue(FaultStep step, long scheduledMs) {
        return due(scheduledMs, active.injectedAt(step.name()), step.healAfter().orElseThrow().toMillis(), endMs);
    }

    /** T_fault + {@code for:}, never before the schedule's own time nor after the drill's end. */
    static long due(long scheduledMs, OptionalLong injectedAtMs, long forMs, long endMs) {
        long due = injectedAtMs.isPresent() ? Math.max(scheduledMs, injectedAtMs.getAsLong() + forMs) : scheduledMs;
        return Math.min(due, Math.max(scheduledMs, endMs));
    }

    @Override
    public void inject(FaultStep step) {
        narration.sayAt(clock.offsetMs(), "inject " + step.label());
        active.inject(faults.apply(step, context));
    }

    @Override
    public void heal(FaultStep step) {
        narration.sayAt(clock.offsetMs(), "heal " + step.label());
        active.heal(step.name());
    }

    @Override
    public void skipped(FaultStep step, String why) {
        narration.sayAt(clock.offsetMs(), step.label() + " " + why);
        record.note(clock.offsetMs(), "fault_skipped", step.label() + " " + why);
    }
}
