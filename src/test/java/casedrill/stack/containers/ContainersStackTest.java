package casedrill.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.stack.EffectiveAt;
import casedrill.stack.Partition;
import casedrill.stack.RunningStack;
import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.stack.StackStatus;
import casedrill.topology.TopologyLoader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The two-DC topology as containers: it comes up with a leader, a dc1 power loss kills every dc1 container at
 * once and Patroni in dc2 takes over, isolating dc2 disables exactly the link proxies crossing it, and
 * down leaves nothing labelled with the stack. Needs a Docker engine and `make images` (make test-docker).
 */
@Tag("docker")
class ContainersStackTest {
    private static final StackLayout TWO_DC = StackLayout.of(TopologyLoader.load(Path.of("scenarios/topology/two-dc.yaml")));

    @Test
    void twoDcComesUpFailsOverAfterDc1PowerLossAndGoesDownCompletely() throws InterruptedException {
        StackOptions options = StackOptions.defaults().withRunRoot(Path.of("target", "containers-stacks").toAbsolutePath());
        RunningStack stack = new ContainersStackProvider().up(TWO_DC, options);
        String id = stack.id();
        try {
            System.out.println("start phases: " + stack.startPhases());
            StackStatus before = stack.status();
            assertThat(before.leader()).as("Patroni leader after start; status %s", before).isNotNull();
            assertThat(before.allHealthy()).as("every node ready: %s", before.nodes()).isTrue();

            Partition wan = stack.partitionIfExact(java.util.List.of(new Partition.SitePair("dc1", "dc2")), Partition.Mode.DROP);
            assertThat(wan.exact()).as("dc1|dc2 alone shares etcd peer links with the witness: %s", wan.detail()).isFalse();
            assertThat(stack.activePartitionRules()).as("nothing cut when not exact").isZero();
            Partition cut = stack.isolate("dc2", Partition.Mode.DROP);
            assertThat(cut.exact()).as(cut.detail()).isTrue();
            assertThat(stack.activePartitionRules()).isPositive();
            stack.heal(cut);
            assertThat(stack.activePartitionRules()).isZero();

            String oldLeader = stack.status().leader();
            String site = TWO_DC.node(oldLeader).site();
            EffectiveAt at = stack.powerLoss(site);
            assertThat(at).isNotNull();
            TWO_DC.nodes().stream().filter(n -> n.site().equals(site))
                    .forEach(n -> assertThat(stack.alive(n.name())).as("%s after the power loss", n.name()).isFalse());
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            String leader = null;
            while (System.nanoTime() < deadline) {
                leader = stack.status().leader();
                if (leader != null && !leader.equals(oldLeader)) {
                    break;
                }
                Thread.sleep(1000);
            }
            System.out.println("new leader " + leader + " after " + Duration.ofNanos(System.nanoTime() - at.nanoTime()).toMillis() + " ms");
            assertThat(leader).as("leader after %s lost power", site).isNotNull().isNotEqualTo(oldLeader);
            assertThat(stack.collectLogs(Path.of("target", "containers-run"))).isEqualTo(TWO_DC.nodes().size());
        } finally {
            assertThat(stack.down(false)).as("left after down").isEmpty();
        }
        assertThat(Engine.containersOf(Engine.client(), id)).isEmpty();
    }
}
