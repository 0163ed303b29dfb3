package casedrill.failover;

import java.time.Duration;

/** A {@code manual} step: the operator acknowledges its prompt within the timeout. */
final class ManualAck implements StepAction {
    private final Operator operator;

    ManualAck(Operator operator) {
        this.operator = operator;
    }

    @Override
    public StepResult run(RunbookStep step, Duration timeout) throws InterruptedException {
        return operator.acknowledge(step, timeout) ? StepResult.ok("acknowledged: " + step.prompt().strip())
                : StepResult.failed("not acknowledged within " + timeout.toMillis() + " ms: " + step.prompt().strip());
    }
}
