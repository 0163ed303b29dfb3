package casedrill.drill;

import casedrill.scenario.FailoverSpec;
import casedrill.scenario.Scenario;
import casedrill.stack.DbVariant;
import java.util.Optional;

/** The stack variant a scenario needs: its {@code stack:} block, and Patroni paused for runbook failover. */
final class ScenarioVariant {
    private ScenarioVariant() {
    }

    static DbVariant of(Scenario s) {
        return DbVariant.of(s.stack().replication(), s.stack().patroni(), s.stack().dbRouting(),
                s.failover().mode() == FailoverSpec.Mode.RUNBOOK);
    }

    /** Why a running stack cannot serve the scenario (one sentence), or empty when its variant is the one asked for. */
    static Optional<String> mismatch(Scenario s, String stackId, DbVariant running) {
        DbVariant wanted = of(s);
        if (wanted.equals(running)) {
            return Optional.empty();
        }
        return Optional.of("scenario " + s.id() + " needs a stack with " + wanted.label() + ", but attached stack "
                + stackId + " runs " + running.label() + "; start a matching stack or run without --attach.");
    }
}
