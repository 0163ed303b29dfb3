package casedrill.stack.recipe;

import casedrill.stack.StackStartException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/** Polls a readiness condition until it holds, the process dies, or the timeout passes. */
public final class ReadinessWait {
    private static final long POLL_MILLIS = 200;

    private ReadinessWait() {
    }

    public static void await(String node, Path log, Process handle, Duration timeout, Supplier<NodeRecipe.Readiness> check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        NodeRecipe.Readiness last = NodeRecipe.Readiness.no("not checked yet");
        while (System.nanoTime() < deadline) {
            if (handle != null && !handle.isAlive()) {
                throw new StackStartException(node, log, "exited with code " + handle.exitValue() + " before it was ready"
                        + LogTail.lastLine(log).map(l -> " (last log line: " + l + ")").orElse(""));
            }
            last = check.get();
            if (last.ready()) {
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackStartException(node, log, "start was interrupted");
            }
        }
        throw new StackStartException(node, log, "did not become ready within " + timeout.toSeconds() + " s (" + last.detail() + ")");
    }
}
