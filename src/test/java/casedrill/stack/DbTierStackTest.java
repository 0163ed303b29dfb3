package casedrill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One DB-tier stack shared by tests that leave it healthy: synchronous writes, status, pause/resume, restart. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DbTierStackTest {
    private static final Duration HEALTHY_AGAIN = Duration.ofSeconds(60);
    private final AtomicLong ids = new AtomicLong();
    private Stack stack;

    @BeforeAll
    void up() throws Exception {
        stack = Stack.up(StackLayouts.twoDc(), StackLayouts.dbTierOptions());
        StackProbe.createLedger(stack, "db-router-dc1");
    }

    @AfterAll
    void down() {
        if (stack != null) {
            StackState state = stack.state();
            assertThat(stack.down(false)).as("processes left alive by down").isEmpty();
            StackProbe.assertNothingLeft(state);
        }
    }

    @Test
    void statusShowsLeaderSynchronousStandbyAndEveryNodeHealthy() {
        StackStatus status = stack.status();
        assertThat(status.leader()).as("Patroni leader after bootstrap").isEqualTo("pg-dc1");
        assertThat(status.replication()).as("replication members")
                .anySatisfy(r -> {
                    assertThat(r.name()).isEqualTo("pg-dc2");
                    assertThat(r.role()).isEqualTo("sync_standby");
                    assertThat(r.state()).isEqualTo("streaming");
                });
        assertThat(status.nodes()).as("nodes in status").hasSize(7)
                .allSatisfy(n -> assertThat(n.process()).as("process of %s", n.name()).isEqualTo("running"));
        assertThat(status.allHealthy()).as("all healthy: %s", status.nodes()).isTrue();
    }

    @Test
    void writeIsOnTheStandbyWhenTheRouterAcknowledgesIt() throws Exception {
        long id = ids.incrementAndGet();
        String beforeCommit = StackProbe.write(stack, "db-router-dc1", id);
        // Synchronous replication: by the time COMMIT returned, the standby has received the commit record.
        try (Connection standby = StackProbe.connect(stack, StackProbe.direct(stack, "pg-dc2"));
             Statement sql = standby.createStatement();
             ResultSet rs = sql.executeQuery("SELECT pg_last_wal_receive_lsn() >= '" + beforeCommit + "'::pg_lsn")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("pg-dc2 received WAL past %s when the commit was acknowledged", beforeCommit).isTrue();
        }
        assertThat(StackProbe.ids(stack, StackProbe.direct(stack, "pg-dc1"))).as("rows on pg-dc1").contains(id);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(StackProbe.ids(stack, StackProbe.direct(stack, "pg-dc2"))).as("rows on pg-dc2").contains(id));
        assertThat(StackProbe.inRecovery(stack, StackProbe.routerPrimary(stack, "db-router-dc2")))
                .as("db-router-dc2's primary port reaches a primary").isFalse();
    }

    @Test
    void pausedNodeShowsAsPausedAndResumesHealthy() {
        StackNode etcd = stack.node("etcd-witness");
        etcd.pause();
        try {
            assertThat(stack.status().node("etcd-witness").process()).as("etcd-witness after pause").isEqualTo("paused");
        } finally {
            etcd.resume();
        }
        await().atMost(HEALTHY_AGAIN).untilAsserted(() ->
                assertThat(stack.status().allHealthy()).as("stack healthy after resume: %s", stack.status().nodes()).isTrue());
    }

    @Test
    void restartedStandbyRejoinsAsSynchronousStandby() throws Exception {
        StackNode standby = stack.node("pg-dc2");
        long before = standby.pid();
        standby.restart();
        assertThat(standby.pid()).as("pg-dc2's Patroni PID after restart").isNotEqualTo(before);
        await().atMost(HEALTHY_AGAIN).untilAsserted(() -> {
            StackStatus status = stack.status();
            assertThat(status.allHealthy()).as("stack healthy after restart: %s", status.nodes()).isTrue();
            assertThat(status.node("pg-dc2").role()).as("pg-dc2's role after restart").isEqualTo("sync_standby");
        });
        long id = ids.incrementAndGet();
        StackProbe.write(stack, "db-router-dc2", id);
        assertThat(StackProbe.ids(stack, StackProbe.direct(stack, "pg-dc1"))).as("rows on pg-dc1 after restart").contains(id);
    }

    @Test
    void restartedRouterRoutesAgain() throws Exception {
        stack.node("db-router-dc1").restart();
        assertThat(StackProbe.inRecovery(stack, StackProbe.routerPrimary(stack, "db-router-dc1")))
                .as("db-router-dc1 routes to the primary after restart").isFalse();
    }
}
