package casedrill.drill;

import casedrill.failover.Operator;
import casedrill.failover.OperatorPrompt;
import casedrill.failover.Runbook;
import casedrill.failover.RunbookExecutor;
import casedrill.failover.RunbookOutcome;
import casedrill.history.DrillClock;
import casedrill.history.Event;
import casedrill.scenario.FailoverSpec;
import casedrill.scenario.Scenario;
import casedrill.stack.RunningStack;
import java.util.List;
import java.util.function.Consumer;

/** What failover mode {@code runbook} adds to a drill: Patroni paused, the runbook on its own thread, Patroni resumed before heal. */
final class RunbookMode {
    private RunbookMode() {
    }

    static boolean applies(Scenario scenario) {
        return scenario.failover().mode() == FailoverSpec.Mode.RUNBOOK;
    }

    /**
     * Nothing may fail over by itself (idempotent if the stack was started paused); null when done. When pausing fails
     * the flag may still have been set (a member that never read it back), and no drill follows to resume it: it is
     * resumed here, so an attached deployment is not left without automatic failover.
     */
    static DrillEnding pausePatroni(RunningStack stack) {
        try {
            stack.maintenanceMode(true);
            return null;
        } catch (RuntimeException e) {
            String resumed = String.join("; ", resumePatroni(stack));
            return DrillEnding.harnessError("cannot put Patroni into maintenance mode for the runbook: " + e.getMessage()
                    + (resumed.isEmpty() ? " (resumed it again)" : "; " + resumed));
        }
    }

    /**
     * Before heal, Patroni manages the cluster again: a paused Patroni neither starts a node's PostgreSQL after a
     * power loss nor rejoins an old primary, so heal could not complete. Returns the failure, if any.
     */
    static List<String> resumePatroni(RunningStack stack) {
        try {
            stack.maintenanceMode(false);
            return List.of();
        } catch (RuntimeException e) {
            return List.of("cannot take Patroni out of maintenance mode before heal: " + e.getMessage());
        }
    }

    /**
     * Starts the runbook's thread; it waits for failover.at (else the first fault) on the drill clock. {@code terminal}
     * shows an interactive run's manual steps (the progress line, which pauses while the operator is asked).
     */
    static RunbookRun start(Scenario scenario, boolean interactive, RunningStack stack, DrillClock clock, Consumer<Event> history,
                            Consumer<String> say, OperatorPrompt terminal, Consumer<RunbookOutcome> onFailure) {
        Runbook book = scenario.failover().runbook().orElseThrow(() -> new IllegalStateException("scenario " + scenario.id()
                + " is in runbook mode without a runbook"));
        Operator operator = interactive && System.console() != null ? Operator.console(System.console().reader(), terminal)
                : Operator.automatic(say);
        RunbookExecutor executor = new RunbookExecutor(new StackRunbookHosts(stack), operator, clock, history, say);
        return new RunbookRun(book, RunbookStart.of(scenario).toMillis(), clock, executor, onFailure).start();
    }
}
