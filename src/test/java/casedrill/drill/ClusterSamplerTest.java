package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.history.Event;
import casedrill.stack.StackStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterSamplerTest {
    private static StackStatus patroniSays(String leader) {
        return new StackStatus("s", "/tmp/s", leader, List.of(
                new StackStatus.Node("pg-dc1", "dc1", "postgres", "leader", "127.0.1.1", 1, "running", true, "ok"),
                new StackStatus.Node("pg-dc2", "dc2", "postgres", "sync_standby", "127.0.2.1", 2, "running", true, "ok"),
                new StackStatus.Node("app-dc1-a", "dc1", "app", "app", "127.0.1.2", 3, "running", true, "ok")),
                List.of(new StackStatus.Replica("pg-dc1", "leader", "running", -1, 3),
                        new StackStatus.Replica("pg-dc2", "sync_standby", "streaming", 2048, 3)));
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsUnknownWhilePatronisViewIsKept() {
        // Port 1 on loopback refuses at once: the member's SQL answer is unknown, with the reason.
        try (StackClusterView view = new StackClusterView(() -> patroniSays("pg-dc1"),
                member -> "jdbc:postgresql://127.0.0.1:1/cases?sslmode=disable", "u", "p", Duration.ofSeconds(3))) {
            Event.ClusterSample sample = view.sample(7_000);
            assertThat(sample.offsetMs()).isEqualTo(7_000);
            assertThat(sample.leader()).isEqualTo("pg-dc1");
            assertThat(sample.members()).as("database members only, in the status's order").extracting(Event.ClusterMember::name)
                    .containsExactly("pg-dc1", "pg-dc2");
            Event.ClusterMember dc2 = sample.members().get(1);
            assertThat(dc2.role()).isEqualTo("sync_standby");
            assertThat(dc2.timeline()).isEqualTo(3L);
            assertThat(dc2.lagBytes()).isEqualTo(2048L);
            assertThat(sample.members().get(0).lagBytes()).as("Patroni's -1 (no lag reported) is null").isNull();
            assertThat(dc2.writable()).as("no answer is unknown, not read-only").isNull();
            assertThat(dc2.sqlError()).isNotBlank();
        }
    }

    @Test
    void aStatusThatHangsPastTheDeadlineLeavesPatronisViewUnknown() {
        try (StackClusterView view = new StackClusterView(() -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return patroniSays("pg-dc1");
        }, member -> "jdbc:postgresql://127.0.0.1:1/cases", "u", "p", Duration.ofMillis(200))) {
            long started = System.nanoTime();
            Event.ClusterSample sample = view.sample(1_000);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(sample.leader()).isNull();
            assertThat(sample.members()).as("nobody yet knows the members").isEmpty();
        }
    }

    @Test
    void aViewThatFailsGivesASampleWithNothingKnownNotACrash() {
        List<Event> history = new ArrayList<>();
        ClusterSampler sampler = new ClusterSampler(offsetMs -> {
            throw new IllegalStateException("stack state file unreadable");
        }, () -> 4_000, history::add);
        sampler.sampleOnce();
        assertThat(history).containsExactly(new Event.ClusterSample(4_000, null, List.of()));
    }
}
