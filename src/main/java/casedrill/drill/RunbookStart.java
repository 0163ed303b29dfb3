package casedrill.drill;

import casedrill.scenario.FaultStep;
import casedrill.scenario.Scenario;
import java.time.Duration;

/** When a runbook drill's runbook starts: {@code failover.at}, else the first fault's {@code at} (validation requires one). */
final class RunbookStart {
    private RunbookStart() {
    }

    static Duration of(Scenario scenario) {
        return scenario.failover().at().or(() -> scenario.faults().stream().map(FaultStep::at).min(Duration::compareTo))
                .orElseThrow(() -> new IllegalStateException("scenario " + scenario.id() + " names no failover.at and no fault"));
    }
}
