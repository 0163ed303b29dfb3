package casedrill.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** recover's wait for a healthy stack, on literal status readings. */
class HealthyWaitTest {
    private final List<String> progress = new ArrayList<>();

    @Test
    void waitsUntilEveryNodeIsHealthyAndSaysWhatItWasWaitingFor() {
        Supplier<StackStatus> readings = readings(
                status(node("gslb", false, "0/4 app nodes UP behind the gslb"), node("app-dc1-a", false, "connection refused")),
                status(node("gslb", false, "3/4 app nodes UP behind the gslb"), node("app-dc1-a", true, "UP")),
                status(node("gslb", true, "4/4 app nodes UP"), node("app-dc1-a", true, "UP")));
        HealthyWait.Verdict verdict = HealthyWait.await(readings, Duration.ofSeconds(30), Duration.ofMillis(1), progress::add);
        assertThat(verdict.healthy()).as("healthy").isTrue();
        assertThat(verdict.describe()).startsWith("every node healthy after ");
        assertThat(progress).as("progress lines").hasSize(2)
                .satisfies(lines -> assertThat(lines.get(0)).contains("gslb (0/4 app nodes UP behind the gslb)", "app-dc1-a (connection refused)"))
                .satisfies(lines -> assertThat(lines.get(1)).contains("gslb (3/4").doesNotContain("app-dc1-a"));
    }

    @Test
    void aStackThatStaysUnhealthyIsNamedNodeByNodeWhenTheLimitPasses() {
        Supplier<StackStatus> never = () -> status(node("pg-dc2", false, "Patroni: stopped"), node("etcd-witness", true, "healthy"));
        HealthyWait.Verdict verdict = HealthyWait.await(never, Duration.ofMillis(50), Duration.ofMillis(5), progress::add);
        assertThat(verdict.healthy()).as("healthy").isFalse();
        assertThat(verdict.notHealthy()).containsExactly("pg-dc2 (Patroni: stopped)");
        assertThat(verdict.describe()).startsWith("not healthy after ").endsWith(": pg-dc2 (Patroni: stopped)");
    }

    @Test
    void aStatusThatCannotBeReadIsNotHealthy() {
        HealthyWait.Verdict verdict = HealthyWait.await(() -> {
            throw new IllegalStateException("state file gone");
        }, Duration.ZERO, Duration.ofMillis(1), progress::add);
        assertThat(verdict.notHealthy()).containsExactly("status unreadable (state file gone)");
    }

    private static Supplier<StackStatus> readings(StackStatus... statuses) {
        Iterator<StackStatus> it = List.of(statuses).iterator();
        StackStatus[] last = new StackStatus[1];
        return () -> {
            if (it.hasNext()) {
                last[0] = it.next();
            }
            return last[0];
        };
    }

    private static StackStatus status(StackStatus.Node... nodes) {
        return new StackStatus("s1", "/run/s1", "pg-dc1", List.of(nodes), List.of());
    }

    private static StackStatus.Node node(String name, boolean healthy, String health) {
        return new StackStatus.Node(name, "dc1", "app", "app", "127.0.0.1", 1, "running", healthy, health);
    }
}
