package casedrill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import casedrill.stack.DatabaseProcess;
import casedrill.stack.local.LocalStack;
import casedrill.stack.local.LocalNode;
import casedrill.stack.local.LocalProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Crashing one process of a postgres node on one DB-tier stack, in order: PostgreSQL alone on the
 * leader (Patroni restarts it in place), Patroni alone on the leader (its PostgreSQL runs on,
 * orphaned; the replica takes over; a restarted Patroni takes the orphan back as a replica), and
 * Patroni alone again left unhealed (stack down must still stop the orphaned postmaster).
 */
class SingleProcessKillTest {
    private static final Duration FAILOVER = Duration.ofSeconds(120);
    private static final Duration RESTART = Duration.ofSeconds(90);

    @Test
    void killingOnlyPostgresOrOnlyPatroniOfTheLeader() throws Exception {
        LocalStack stack = LocalStack.up(StackLayouts.twoDc(), StackLayouts.dbTierOptions());
        try {
            LocalNode pg1 = stack.node("pg-dc1");
            await().atMost(RESTART).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> "pg-dc1".equals(stack.status().leader()) && stack.status().allHealthy());
            StackProbe.createLedger(stack, "db-router-dc1");
            StackProbe.write(stack, "db-router-dc1", 1);

            long patroniPid = pg1.pid();
            long postmaster = pg1.postmasterPid().orElseThrow();
            pg1.killOnly(DatabaseProcess.POSTGRES);
            assertThat(LocalProcess.of(postmaster)).as("old postmaster %d after kill --only postgres", postmaster).isEmpty();
            assertThat(pg1.alive()).as("pg-dc1's Patroni after kill --only postgres").isTrue();
            await("Patroni restarts PostgreSQL in place").atMost(RESTART).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .untilAsserted(() -> {
                        assertThat(pg1.postmasterPid()).as("postmaster of pg-dc1").isPresent().get().isNotEqualTo(postmaster);
                        assertThat(stack.status().allHealthy()).as("stack healthy").isTrue();
                        StackProbe.write(stack, "db-router-dc1", 2);
                    });
            assertThat(pg1.pid()).as("pg-dc1's Patroni PID after PostgreSQL was restarted").isEqualTo(patroniPid);

            // Under synchronous_mode only the synchronous standby may be promoted: wait until pg-dc2 is one again.
            await("pg-dc2 the synchronous standby again").atMost(RESTART).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(stack.status().node("pg-dc2").role()).as("pg-dc2's role").isEqualTo("sync_standby"));
            long orphan = pg1.postmasterPid().orElseThrow();
            pg1.killOnly(DatabaseProcess.PATRONI);
            assertThat(pg1.alive()).as("pg-dc1's Patroni after kill --only patroni").isFalse();
            assertThat(pg1.postmasterPid()).as("orphaned postmaster of pg-dc1").contains(orphan);
            await("the replica takes over").atMost(FAILOVER).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(stack.status().leader()).as("Patroni leader").isEqualTo("pg-dc2"));
            assertThat(StackProbe.inRecovery(stack, StackProbe.direct(stack, "pg-dc1")))
                    .as("the orphaned pg-dc1 is still a writable primary (known failure mode 2)").isFalse();

            pg1.start();
            await("restarted Patroni makes pg-dc1 a replica of pg-dc2").atMost(RESTART).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().untilAsserted(() -> {
                        assertThat(stack.status().allHealthy()).as("stack healthy").isTrue();
                        assertThat(StackProbe.inRecovery(stack, StackProbe.direct(stack, "pg-dc1"))).as("pg-dc1 in recovery").isTrue();
                    });
            assertThat(stack.status().leader()).as("leader after the heal").isEqualTo("pg-dc2");
            assertThat(LocalProcess.of(orphan)).as("the orphaned postmaster, once Patroni demoted it").isEmpty();
            System.out.printf("kill --only patroni: orphan postmaster %d; after restart pg-dc1 runs postmaster %s%n",
                    orphan, pg1.postmasterPid().map(String::valueOf).orElse("none"));

            LocalNode pg2 = stack.node("pg-dc2");
            long orphan2 = pg2.postmasterPid().orElseThrow();
            pg2.killOnly(DatabaseProcess.PATRONI);
            assertThat(LocalProcess.of(orphan2)).as("orphaned postmaster of pg-dc2 before down").isPresent();
        } finally {
            StackProbe.downCleanly(stack);
        }
    }
}
