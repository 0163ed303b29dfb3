package casedrill.drill;

import casedrill.scenario.Scenario;
import casedrill.topology.DbVariant;
import java.util.Optional;

/** Whether a running stack is of the variant a scenario needs. */
final class ScenarioVariant {
    private ScenarioVariant() {
    }

    /** Why a running stack cannot serve the scenario (one sentence), or empty when its variant is the one asked for. */
    static Optional<String> mismatch(Scenario s, String stackId, DbVariant running) {
        DbVariant wanted = s.stack().variant();
        if (wanted.equals(running)) {
            return Optional.empty();
        }
        return Optional.of("scenario " + s.id() + " needs a stack with " + wanted.label() + ", but attached stack "
                + stackId + " runs " + running.label() + "; start a matching stack or run without --attach.");
    }
}
