package casedrill.drill;

import casedrill.scenario.Scenario;
import casedrill.topology.DbVariant;
import java.util.Optional;

/** Whether a running stack is of the variant a scenario needs. */
final class ScenarioVariant {
    private ScenarioVariant() {
    }

    /**
     * Why a running stack cannot serve the scenario (one sentence), or empty when its variant is the one asked for. A
     * runbook scenario also takes a stack that is not paused: the drill pauses Patroni itself before the first fault
     * ({@link RunbookMode}) and resumes it before heal, so a deployment the harness attaches to (remote) need not be
     * left in maintenance mode between drills. The reverse is refused: a paused stack would not fail over by itself.
     */
    static Optional<String> mismatch(Scenario s, String stackId, DbVariant running) {
        DbVariant wanted = s.stack().variant();
        if (wanted.equals(running) || wanted.paused() && wanted.equals(new DbVariant(running.synchronous(), running.patroni(),
                running.multihost(), true))) {
            return Optional.empty();
        }
        return Optional.of("scenario " + s.id() + " needs a stack with " + wanted.label() + ", but attached stack "
                + stackId + " runs " + running.label() + "; start a matching stack or run without --attach.");
    }
}
