package casedrill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Destructive: each test owns a stack. Hard crash of the leader, and power loss of its whole site. */
class DbTierFailoverTest {
    private static final Duration FAILOVER = Duration.ofSeconds(90);

    @Test
    void crashOfTheLeaderPromotesTheStandbyWithoutLosingAcknowledgedWrites() throws Exception {
        Stack stack = Stack.up(StackLayouts.twoDc(), StackLayouts.dbTierOptions());
        StackState state = stack.state();
        try {
            List<Long> acknowledged = writeSome(stack, 20);
            stack.node("pg-dc1").kill();
            assertThat(stack.node("pg-dc1").alive()).as("pg-dc1's Patroni after kill").isFalse();
            await().atMost(FAILOVER).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() ->
                    assertThat(StackProbe.inRecovery(stack, StackProbe.routerPrimary(stack, "db-router-dc1")))
                            .as("db-router-dc1 reaches a writable primary").isFalse());
            assertThat(stack.status().leader()).as("leader after pg-dc1 crashed").isEqualTo("pg-dc2");
            StackProbe.write(stack, "db-router-dc1", 1000);
            assertThat(StackProbe.ids(stack, StackProbe.direct(stack, "pg-dc2")))
                    .as("rows on the new primary pg-dc2").containsAll(acknowledged).contains(1000L);
        } finally {
            assertThat(stack.down(false)).as("processes left alive by down").isEmpty();
        }
        StackProbe.assertNothingLeft(state);
    }

    @Test
    void powerLossOfDc1LeavesDc2ServingWrites() throws Exception {
        Stack stack = Stack.up(StackLayouts.twoDc(), StackLayouts.dbTierOptions());
        StackState state = stack.state();
        try {
            List<Long> acknowledged = writeSome(stack, 20);
            stack.site("dc1").powerLoss();
            for (String node : List.of("etcd-dc1", "pg-dc1", "db-router-dc1")) {
                assertThat(stack.node(node).alive()).as("%s after power loss of dc1", node).isFalse();
            }
            await().atMost(FAILOVER).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() ->
                    assertThat(StackProbe.inRecovery(stack, StackProbe.routerPrimary(stack, "db-router-dc2")))
                            .as("db-router-dc2 reaches a writable primary").isFalse());
            StackProbe.write(stack, "db-router-dc2", 2000);
            assertThat(StackProbe.ids(stack, StackProbe.direct(stack, "pg-dc2")))
                    .as("rows on pg-dc2 after dc1 lost power").containsAll(acknowledged).contains(2000L);
        } finally {
            assertThat(stack.down(false)).as("processes left alive by down").isEmpty();
        }
        StackProbe.assertNothingLeft(state);
    }

    private static List<Long> writeSome(Stack stack, int count) throws Exception {
        StackProbe.createLedger(stack, "db-router-dc1");
        List<Long> acknowledged = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            StackProbe.write(stack, "db-router-dc1", id);
            acknowledged.add(id);
        }
        return acknowledged;
    }
}
