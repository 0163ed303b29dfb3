package casedrill.drill;

import casedrill.scenario.FaultStep;
import java.util.function.BooleanSupplier;

/**
 * Executes a drill's fault schedule. Once the runbook has failed (it stopped and every active fault was healed), the
 * rest of the timeline injects nothing: the operator's failover did not happen, and new faults on a half-failed-over
 * stack would only bury that finding. A fault injected while the runbook was failing is healed at once.
 */
final class FaultTimeline {
    /** What the runner does for each entry. */
    interface Actions {
        /** Waits until the offset; a non-null ending (abort, interrupt) stops the timeline. */
        DrillEnding waitUntil(long atMs);

        void inject(FaultStep step);

        void heal(FaultStep step);

        /** An injection left out, and why (for the results' timeline). */
        void skipped(FaultStep step, String why);
    }

    private FaultTimeline() {}

    static DrillEnding run(FaultSchedule schedule, BooleanSupplier runbookFailed, Actions actions) {
        for (FaultSchedule.Entry entry : schedule.entries()) {
            DrillEnding ending = actions.waitUntil(entry.atMs());
            if (ending != null) {
                return ending;
            }
            if (entry.kind() == FaultSchedule.Kind.AUTO_HEAL) {
                actions.heal(entry.step());
            } else if (runbookFailed.getAsBoolean()) {
                actions.skipped(entry.step(), "not injected: the runbook had failed and every fault was healed");
            } else {
                actions.inject(entry.step());
                if (runbookFailed.getAsBoolean()) {
                    actions.heal(entry.step());
                }
            }
        }
        return null;
    }
}
