package casedrill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import casedrill.stack.local.LocalStack;
import casedrill.stack.recipe.PatroniCluster;
import casedrill.stack.recipe.Probes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Exact partitions on one DB-tier stack with every link through a proxy: the WAN cut with the witness
 * reachable from both data centres, then dc1 isolated from everyone. Each test heals and waits for a
 * converged cluster, so the next one starts from a healthy stack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SitePartitionTest {
    private static final Duration CONVERGED = Duration.ofSeconds(90);
    private LocalStack stack;
    private final AtomicLong nextId = new AtomicLong();

    @BeforeAll
    void up() throws Exception {
        stack = LocalStack.up(StackLayouts.twoDc(), StackLayouts.fullOptions().withDbTierOnly(true));
        StackProbe.createLedger(stack, "db-router-dc1");
    }

    @AfterAll
    void down() {
        if (stack != null) {
            StackProbe.downCleanly(stack);
        }
    }

    @Test
    @Order(1)
    void wanCutWithTheWitnessReachableLeavesAtMostOnePrimaryAndHealsWithEveryWrite() throws Exception {
        Partition cut = stack.partition("dc1", "dc2", Partition.Mode.DROP);
        assertThat(cut.exact()).as("partition %s", cut.detail()).isTrue();
        List<Ack> acks;
        try (Writers writers = new Writers(List.of("db-router-dc1", "db-router-dc2"))) {
            assertCut("dc2", "etcd-dc1-peer");
            assertCut("dc1", "etcd-dc2-peer");
            assertCut("dc2", "pg-dc1-from-dc2");
            assertOpen("witness", "etcd-dc1-peer");
            assertOpen("witness", "etcd-dc2-peer");
            assertOpen("dc1", "etcd-witness-peer");
            assertOpen("dc2", "etcd-witness-peer");
            // Synchronous commits on pg-dc1 stall until its walsender to the cut standby times out
            // (wal_sender_timeout, 10 s in the stack) and Patroni drops the standby from synchronous_standby_names.
            long cutAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> writers.acks().stream().filter(a -> a.server().equals(server("pg-dc1"))).count() >= 3);
            System.out.printf("WAN cut: pg-dc1 acknowledged writes again after %d ms%n", (System.nanoTime() - cutAt) / 1_000_000);
            // Longer than Patroni's ttl: a wrong promotion of pg-dc2 would show within it.
            Thread.sleep(stack.state().layout().patroni().ttl().plusSeconds(5).toMillis());
            acks = writers.stop();
        } finally {
            stack.heal(cut);
        }
        assertThat(stack.partitionRules()).as("rules after heal").isEmpty();
        System.out.printf("WAN cut: acknowledged writes per database %s%n",
                acks.stream().collect(Collectors.groupingBy(Ack::server, Collectors.counting())));
        assertThat(acks.stream().map(Ack::server).collect(Collectors.toSet()))
                .as("databases that acknowledged writes during the WAN cut").hasSizeLessThanOrEqualTo(1);
        assertConvergedWith(acks);
    }

    @Test
    @Order(2)
    void isolatedDc1IsReplacedByDc2AndRejoinsAsAReplica() throws Exception {
        String oldLeader = leader();
        assertThat(oldLeader).as("leader before isolating dc1").isEqualTo("pg-dc1");
        Partition cut = stack.isolate("dc1", Partition.Mode.DROP);
        assertThat(cut.exact()).as("partition %s", cut.detail()).isTrue();
        long cutAt = System.nanoTime();
        List<Ack> acks;
        try (Writers writers = new Writers(List.of("db-router-dc2"))) {
            assertCut("dc1", "etcd-witness-peer");
            assertCut("witness", "etcd-dc1-peer");
            assertOpen("dc2", "etcd-witness-peer");
            var t = stack.state().layout().patroni();
            await().atMost(t.ttl().plus(t.loopWait()).plus(t.retryTimeout()).plusSeconds(15)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Probes.httpStatus("http://" + endpoint("pg-dc2", "patroni") + "/primary") == 200);
            System.out.printf("dc1 isolated: pg-dc2 primary after %d ms%n", (System.nanoTime() - cutAt) / 1_000_000);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !acceptsWrite("pg-dc1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> writers.acks().stream().anyMatch(a -> a.server().equals(server("pg-dc2"))));
            acks = writers.stop();
        } finally {
            stack.heal(cut);
        }
        assertThat(acks.stream().map(Ack::server).collect(Collectors.toSet()))
                .as("databases that acknowledged writes through dc2 while dc1 was isolated").containsOnly(server("pg-dc2"));
        await().atMost(CONVERGED).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Probes.httpStatus("http://" + endpoint("pg-dc1", "patroni") + "/replica") == 200);
        assertConvergedWith(acks);
    }

    private String leader() {
        return PatroniCluster.leader(List.of(endpoint("pg-dc1", "patroni"), endpoint("pg-dc2", "patroni")))
                .map(PatroniMember::name).orElse("none");
    }

    /** The standby synchronous again, both routers on one primary, every acknowledged write on both databases. */
    private void assertConvergedWith(List<Ack> acks) {
        Set<Long> ids = acks.stream().map(Ack::id).collect(Collectors.toSet());
        await().atMost(CONVERGED).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
            List<PatroniMember> members = PatroniCluster.members(List.of(endpoint("pg-dc2", "patroni")));
            assertThat(members).as("Patroni members").hasSize(2)
                    .anyMatch(PatroniMember::leader)
                    // Only a synchronous standby may be promoted: the next test needs one.
                    .anyMatch(m -> m.role().equals("sync_standby") && m.state().equals("streaming"));
            for (String router : List.of("db-router-dc1", "db-router-dc2")) {
                assertThat(StackProbe.inRecovery(stack, StackProbe.routerPrimary(stack, router)))
                        .as("%s routes to a writable primary", router).isFalse();
            }
            for (String pg : List.of("pg-dc1", "pg-dc2")) {
                assertThat(StackProbe.ids(stack, StackProbe.direct(stack, pg))).as("acknowledged writes on %s", pg).containsAll(ids);
            }
        });
    }

    private boolean acceptsWrite(String pg) {
        try (Connection db = StackProbe.connect(stack, StackProbe.direct(stack, pg)); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO ledger VALUES (" + (-1 - nextId.getAndIncrement()) + ", 'probe')");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void assertCut(String site, String link) {
        assertThat(SiteProbe.connects(site, listenOf(link))).as("site %s reaches link %s", site, link).isFalse();
    }

    private void assertOpen(String site, String link) {
        assertThat(SiteProbe.connects(site, listenOf(link))).as("site %s reaches link %s", site, link).isTrue();
    }

    private String listenOf(String link) {
        return stack.state().layout().links().stream().filter(l -> l.name().equals(link)).findFirst().orElseThrow().listen();
    }

    private String endpoint(String node, String port) {
        return stack.state().layout().node(node).endpoint(port);
    }

    private String server(String pg) {
        return stack.state().layout().node(pg).address();
    }

    /** One acknowledged write: its id and the address of the database that committed it. */
    record Ack(long id, String server) {
    }

    /** One thread per router inserting rows one after another; records what was acknowledged and by whom. */
    private final class Writers implements AutoCloseable {
        private final List<Ack> acks = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads;

        Writers(List<String> routers) {
            threads = routers.stream().map(router -> {
                Thread t = new Thread(() -> {
                    while (running.get()) {
                        long id = nextId.incrementAndGet();
                        try (Connection db = StackProbe.connect(stack, StackProbe.routerPrimary(stack, router));
                             Statement sql = db.createStatement();
                             ResultSet rs = sql.executeQuery("INSERT INTO ledger VALUES (" + id + ", '" + router
                                     + "') RETURNING host(inet_server_addr())")) {
                            rs.next();
                            acks.add(new Ack(id, rs.getString(1)));
                        } catch (SQLException e) {
                            pause();
                        }
                    }
                }, "writer-" + router);
                t.setDaemon(true);
                t.start();
                return t;
            }).toList();
        }

        List<Ack> acks() {
            return acks;
        }

        List<Ack> stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(Duration.ofSeconds(15).toMillis());
            }
            return List.copyOf(acks);
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }

        private static void pause() {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
