package casedrill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import casedrill.stack.local.LocalStack;
import casedrill.stack.local.LocalNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Destructive: each test owns a whole stack. Hard crash of the leader, and power loss of dc1. */
class FullStackFailoverTest {
    private static final Duration FAILOVER = Duration.ofSeconds(120);
    private static final Duration REQUEST = Duration.ofSeconds(8);

    @Test
    void crashOfTheLeaderFailsOverAndKeepsEveryAcknowledgedIntake() throws Exception {
        withOwnStack((stack, writer) -> {
            await().atMost(REQUEST.multipliedBy(3)).until(() -> writer.acked().size() >= 5);
            stack.node("pg-dc1").kill();
            assertThat(stack.node("pg-dc1").alive()).as("pg-dc1's Patroni after kill").isFalse();
            int ackedAtCrash = writer.acked().size();
            await().atMost(FAILOVER).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
                assertThat(stack.status().leader()).as("Patroni leader").isEqualTo("pg-dc2");
                assertThat(writer.acked().size()).as("intakes acknowledged after the crash").isGreaterThan(ackedAtCrash + 3);
            });
            writer.close();
            for (String router : List.of("db-router-dc1", "db-router-dc2")) {
                assertThat(StackProbe.inRecovery(stack, StackProbe.routerPrimary(stack, router)))
                        .as("%s routes to a writable primary", router).isFalse();
            }
            assertThat(StackProbe.caseIds(stack, "pg-dc2")).as("acknowledged intakes on the new primary pg-dc2")
                    .containsAll(writer.acked().stream().map(EdgeClient.Ack::caseId).toList());
            System.out.printf("pg-dc1 crash: longest gap between intake acknowledgements %d ms%n", writer.longestGapMillis());
        });
    }

    @Test
    void powerLossOfDc1LeavesDc2ServingAllTraffic() throws Exception {
        withOwnStack((stack, writer) -> {
            await().atMost(REQUEST.multipliedBy(3)).until(() -> writer.acked().size() >= 5);
            stack.site("dc1").powerLoss();
            for (LocalNode node : stack.site("dc1").nodes()) {
                assertThat(node.alive()).as("%s after power loss of dc1", node.spec().name()).isFalse();
            }
            int ackedAtLoss = writer.acked().size();
            await().atMost(FAILOVER).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(writer.acked().size()).as("intakes acknowledged after dc1 lost power").isGreaterThan(ackedAtLoss + 3));
            writer.close();
            List<EdgeClient.Ack> afterLoss = writer.acked().subList(ackedAtLoss, writer.acked().size());
            assertThat(afterLoss).as("nodes serving after dc1 lost power")
                    .allSatisfy(ack -> assertThat(ack.node()).startsWith("app-dc2-"));
            assertThat(StackProbe.caseIds(stack, "pg-dc2")).as("acknowledged intakes on pg-dc2")
                    .containsAll(writer.acked().stream().map(EdgeClient.Ack::caseId).toList());
            System.out.printf("dc1 power loss: longest gap between intake acknowledgements %d ms%n", writer.longestGapMillis());
        });
    }

    /** A fresh stack with an intake writer running; afterwards the stack is taken down and checked empty. */
    private static void withOwnStack(Drill drill) throws Exception {
        LocalStack stack = LocalStack.up(StackLayouts.twoDc(), StackLayouts.fullOptions());
        try (Writer writer = new Writer(new EdgeClient(stack))) {
            drill.run(stack, writer);
        } finally {
            StackProbe.downCleanly(stack);
        }
    }

    private interface Drill {
        void run(LocalStack stack, Writer writer) throws Exception;
    }

    /** Submits intakes through the edge one after another and records every acknowledgement. */
    private static final class Writer implements AutoCloseable {
        private final List<EdgeClient.Ack> acked = new CopyOnWriteArrayList<>();
        private final List<Long> ackNanos = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Writer(EdgeClient edge) {
            thread = new Thread(() -> {
                for (int i = 0; running.get() && i < 100_000; i++) {
                    String key = "drill-" + i;
                    // The same key is retried until acknowledged: the service deduplicates it.
                    Optional<EdgeClient.Ack> ack = Optional.empty();
                    while (running.get() && ack.isEmpty()) {
                        ack = edge.intake(key, REQUEST);
                        if (ack.isEmpty()) {
                            pause();
                        }
                    }
                    ack.ifPresent(a -> {
                        acked.add(a);
                        ackNanos.add(System.nanoTime());
                    });
                }
            }, "edge-writer");
            thread.setDaemon(true);
            thread.start();
        }

        /** Paces retries while the edge refuses connections outright. */
        private static void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The client-visible write outage: the longest time between two consecutive acknowledgements. */
        long longestGapMillis() {
            long longest = 0;
            for (int i = 1; i < ackNanos.size(); i++) {
                longest = Math.max(longest, ackNanos.get(i) - ackNanos.get(i - 1));
            }
            return longest / 1_000_000;
        }

        List<EdgeClient.Ack> acked() {
            return acked;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(REQUEST.toMillis() * 2);
        }
    }
}
