package casedrill.drill;

import casedrill.fault.ActiveFaults;
import casedrill.fault.Fault;
import casedrill.fault.FaultContext;
import casedrill.history.DrillClock;
import casedrill.scenario.FaultStep;
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

    TimelineActions(DrillWait wait, DrillClock clock, ActiveFaults active, BiFunction<FaultStep, FaultContext, Fault> faults,
                    FaultContext context, DrillNarration narration, DrillRecord record) {
        this.wait = wait;
        this.clock = clock;
        this.active = active;
        this.faults = faults;
        this.context = context;
        this.narration = narration;
        this.record = record;
    }

    @Override
    public DrillEnding waitUntil(long atMs) {
        return wait.until(atMs);
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
