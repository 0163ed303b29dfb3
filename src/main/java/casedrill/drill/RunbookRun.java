package casedrill.drill;

import casedrill.failover.Runbook;
import casedrill.failover.RunbookExecutor;
import casedrill.failover.RunbookOutcome;
import casedrill.history.DrillClock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A runbook on its own thread, started at its offset on the drill clock, so the fault timeline keeps its schedule
 * and observation goes on meanwhile. {@link #stop} interrupts a runbook still running when the drill ends.
 */
final class RunbookRun implements AutoCloseable {
    private final Thread thread;
    private final AtomicReference<RunbookOutcome> outcome = new AtomicReference<>();

    RunbookRun(Runbook runbook, long atMs, DrillClock clock, RunbookExecutor executor, Consumer<RunbookOutcome> onFailure) {
        thread = new Thread(() -> {
            try {
                long wait;
                while ((wait = atMs - clock.offsetMs()) > 0) {
                    Thread.sleep(Math.min(wait, 200));
                }
            } catch (InterruptedException e) {
                return;
            }
            RunbookOutcome result = executor.execute(runbook);
            outcome.set(result);
            if (result.status() == RunbookOutcome.Status.FAILED) {
                onFailure.accept(result);
            }
        }, "drill-runbook");
        thread.setDaemon(true);
    }

    RunbookRun start() {
        thread.start();
        return this;
    }

    /** The outcome, once the runbook has ended. */
    Optional<RunbookOutcome> outcome() {
        return Optional.ofNullable(outcome.get());
    }

    /** Interrupts a runbook that is still running and waits (bounded) for it to record how it ended. */
    void stop(Duration grace) {
        if (thread.isAlive()) {
            thread.interrupt();
        }
        try {
            thread.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
