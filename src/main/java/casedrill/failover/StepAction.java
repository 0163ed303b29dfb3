package casedrill.failover;

import java.time.Duration;

/** What one kind of runbook step does. Implementations give up when {@code timeout} has passed and answer interrupts. */
interface StepAction {
    StepResult run(RunbookStep step, Duration timeout) throws InterruptedException;
}
