package casedrill.drill;

import casedrill.stack.RunningStack;
import casedrill.stack.StackStatus;
import java.time.Duration;

/** Waiting for a stack to be healthy: before the drill, and after the heal before reconciling. */
final class StackHealth {
    private StackHealth() {}

    /** Polls the stack's status until every node is healthy or {@code timeout} passes; returns the last status. */
    static StackStatus await(RunningStack stack, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        StackStatus status = stack.status();
        while (!status.allHealthy() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                status = stack.status();
            } catch (RuntimeException e) {
                // status may fail while nodes restart; ask again
            }
        }
        return status;
    }
}
