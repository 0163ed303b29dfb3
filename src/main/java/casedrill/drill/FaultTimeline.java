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

        /**
         * When the auto-heal of {@code step} is due: {@code for:} counts from the instant the fault took effect
         * (T_fault), not from its {@code at}, so a fault that took a second to take effect still lasts {@code for:}.
         */
        long healDue(FaultStep step, long scheduledMs);

        void inject(FaultStep step);

        void heal(FaultStep step);

        /** An injection left out, and why (for the results' timeline). */
        void skipped(FaultStep step, String why);
    }

    private FaultTimeline() {}

    static DrillEnding run(FaultSchedule schedule, BooleanSupplier runbookFailed, Actions actions) {
        for (FaultSchedule.Entry entry : schedule.entries()) {
            // A heal that is due later than scheduled delays the entries after it by as much: they keep their order.
            DrillEnding ending = actions.waitUntil(entry.kind() == FaultSchedule.Kind.AUTO_HEAL
                    ? actions.healDue(entry.step(), entry.atMs()) : entry.atMs());
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
