package casedrill.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.stack.DatabaseProcess;
import casedrill.stack.EffectiveAt;
import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.stack.StackStatus;
import casedrill.topology.TopologyLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One process of a postgres node crashed alone on the containers provider (issue #18), as {@code kill} with
 * {@code only:} does: Patroni on the standby (its PostgreSQL runs on in the container; start has the supervisor
 * start Patroni again and the member streams again), then PostgreSQL on the leader (Patroni restarts it in place and
 * keeps the leader lock). A graceful stop still ends the container through the supervisor's TERM trap (exit code 0,
 * not docker stop's SIGKILL after its timeout). Needs a Docker engine and `make images` (make test-docker).
 */
@Tag("docker")
class ContainersKillOnlyTest {
    private static final StackLayout TWO_DC = StackLayout.of(TopologyLoader.load(Path.of("scenarios/topology/two-dc.yaml")));

    @Test
    void patroniAlonePostgresAloneAndAGracefulStopOfAPostgresNode() throws InterruptedException {
        StackOptions options = StackOptions.defaults().withRunRoot(Path.of("target", "containers-killonly-stacks").toAbsolutePath());
        ContainersStack stack = (ContainersStack) new ContainersStackProvider().up(TWO_DC, options);
        try {
            assertThat(stack.status().leader()).isEqualTo("pg-dc1");
            assertThatThrownBy(() -> stack.killOnly("etcd-dc1", DatabaseProcess.PATRONI))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a postgres node");

            PostgresNodeControl standby = stack.postgres("pg-dc2");
            long patroni = standby.patroniPid().orElseThrow();
            long postmaster = standby.postmasterPid().orElseThrow();
            long before = System.nanoTime();
            EffectiveAt at = stack.killOnly("pg-dc2", DatabaseProcess.PATRONI);
            System.out.printf("Patroni of pg-dc2 (PID %d) SIGKILLed %d ms after the call began%n", patroni, at.millisSince(before));
            assertThat(at.nanoTime() - before).as("the instant is within the call").isNotNegative();
            assertThat(standby.patroniPid()).as("Patroni of pg-dc2 after its crash").isEmpty();
            assertThat(standby.postmasterPid()).as("PostgreSQL of pg-dc2 runs on, orphaned").hasValue(postmaster);
            assertThat(stack.alive("pg-dc2")).as("a node whose Patroni crashed is down (heal starts it)").isFalse();

            long startBegan = System.nanoTime();
            stack.start("pg-dc2");
            System.out.printf("pg-dc2 ready %d ms after start%n", Duration.ofNanos(System.nanoTime() - startBegan).toMillis());
            OptionalLong relaunched = standby.patroniPid();
            assertThat(relaunched).as("Patroni of pg-dc2 after start").isPresent();
            assertThat(relaunched.getAsLong()).isNotEqualTo(patroni);
            assertThat(stack.alive("pg-dc2")).isTrue();
            System.out.printf("pg-dc2 postmaster before %d, after start %s%n", postmaster, standby.postmasterPid());
            await("pg-dc2 streaming again", Duration.ofSeconds(90), () -> streaming(stack.status(), "pg-dc2"));

            PostgresNodeControl leader = stack.postgres("pg-dc1");
            long leaderPatroni = leader.patroniPid().orElseThrow();
            long leaderPostmaster = leader.postmasterPid().orElseThrow();
            EffectiveAt crashed = stack.killOnly("pg-dc1", DatabaseProcess.POSTGRES);
            assertThat(crashed).isNotNull();
            await("a new postmaster on pg-dc1", Duration.ofSeconds(90),
                    () -> leader.postmasterPid().stream().anyMatch(pid -> pid != leaderPostmaster));
            System.out.printf("pg-dc1 postmaster %d -> %s, %d ms after the crash%n", leaderPostmaster, leader.postmasterPid(),
                    Duration.ofNanos(System.nanoTime() - crashed.nanoTime()).toMillis());
            assertThat(leader.patroniPid()).as("Patroni of pg-dc1 lives through its PostgreSQL's crash").hasValue(leaderPatroni);
            await("pg-dc1 ready and leader", Duration.ofSeconds(90), () -> {
                StackStatus s = stack.status();
                return s.node("pg-dc1").healthy() && "pg-dc1".equals(s.leader());
            });
            assertThat(stack.status().leader()).as("Patroni restarted PostgreSQL in place").isEqualTo("pg-dc1");

            long stopBegan = System.nanoTime();
            stack.stop("pg-dc2");
            long stopMillis = Duration.ofNanos(System.nanoTime() - stopBegan).toMillis();
            System.out.printf("pg-dc2 stopped in %d ms%n", stopMillis);
            var state = Engine.client().inspectContainerCmd(NodeContainers.containerName(stack.id(), "pg-dc2")).exec().getState();
            assertThat(state.getRunning()).isFalse();
            assertThat(state.getExitCodeLong()).as("the supervisor's exit after TERM, not SIGKILL (137)").isZero();
            assertThat(stopMillis).as("stopped by the trap, before docker stop's 30 s timeout").isLessThan(25_000);
            stack.start("pg-dc2");
            assertThat(stack.alive("pg-dc2")).isTrue();
            await("pg-dc2 streaming after stop and start", Duration.ofSeconds(90), () -> streaming(stack.status(), "pg-dc2"));
        } finally {
            assertThat(stack.down(false)).as("left after down").isEmpty();
        }
    }

    private static boolean streaming(StackStatus status, String member) {
        return status.replication().stream().anyMatch(r -> r.name().equals(member) && r.state().equals("streaming"));
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("%s within %d s", what, timeout.toSeconds()).isNegative();
            Thread.sleep(500);
        }
    }
}
