package casedrill.stack;

import casedrill.notation.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one answer to "is the stack back?" after faults are undone: every node ready as its provider reads it (the
 * gslb only when all app nodes are UP behind it, a database only when Patroni sees it). {@code recover} waits on it;
 * healing a fault returns before the nodes it restarted are ready, so without it recover said "healed" while the
 * edge still had 0 of 4 app nodes up.
 */
public final class HealthyWait {
    private HealthyWait() {
    }

    /** What the wait saw last: healthy, or the nodes that were not, each with its provider's reason. */
    public record Verdict(boolean healthy, List<String> notHealthy, Duration waited) {
        public Verdict {
            notHealthy = List.copyOf(notHealthy);
        }

        public String describe() {
            String after = Durations.seconds(waited.toMillis());
            return healthy ? "every node healthy after " + after
                    : "not healthy after " + after + ": " + String.join("; ", notHealthy);
        }
    }

    /**
     * Reads the status every {@code every} until every node is healthy or {@code limit} has passed; tells
     * {@code progress} each time the set of unhealthy nodes changes. A status that cannot be read counts as unhealthy.
     */
    public static Verdict await(Supplier<StackStatus> status, Duration limit, Duration every, Consumer<String> progress) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        List<String> last = null;
        while (true) {
            List<String> notHealthy = notHealthy(status);
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (notHealthy.isEmpty() || System.nanoTime() >= deadline) {
                return new Verdict(notHealthy.isEmpty(), notHealthy, waited);
            }
            if (!notHealthy.equals(last)) {
                progress.accept(String.format(Locale.ROOT, "waiting for the stack (%.0f s of %d s): %s",
                        waited.toMillis() / 1000.0, limit.toSeconds(), String.join("; ", notHealthy)));
                last = notHealthy;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(every.toMillis(), (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Verdict(false, notHealthy, Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    private static List<String> notHealthy(Supplier<StackStatus> status) {
        try {
            return status.get().nodes().stream().filter(n -> !n.healthy()).map(n -> n.name() + " (" + n.health() + ")").toList();
        } catch (RuntimeException e) {
            return List.of("status unreadable (" + e.getMessage() + ")");
        }
    }
}
