package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.fault.FaultRegistry;
import casedrill.scenario.Scenario;
import casedrill.scenario.ScenarioLoader;
import casedrill.topology.DbVariant;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stack variant and partition wording a scenario leads to, without a stack. */
class ScenarioVariantTest {
    private static Scenario load(String name) {
        return ScenarioLoader.load(Path.of("scenarios", name), FaultRegistry.ACTIONS);
    }

    @Test
    void theStackBlockAndTheFailoverModePickTheVariant() {
        assertThat(load("dc1-power-loss.yaml").stack().variant()).as("no stack block").isEqualTo(DbVariant.DEFAULT);
        assertThat(load("async-wan-cut-then-dc1-loss.yaml").stack().variant()).as("replication: async")
                .isEqualTo(new DbVariant(false, "4", false, false));
        assertThat(load("multihost-patroni-only-crash.yaml").stack().variant()).as("dbRouting: multihost, replication: async")
                .isEqualTo(new DbVariant(false, "4", true, false));
        assertThat(load("dc1-evacuation.yaml").stack().variant().paused()).as("runbook failover pauses Patroni").isTrue();
    }

    @Test
    void attachingToAStackOfAnotherVariantIsRefusedInOneSentence() {
        Scenario async = load("async-wan-cut-then-dc1-loss.yaml");
        assertThat(ScenarioVariant.mismatch(async, "s-1", new DbVariant(false, "4", false, false))).as("same variant").isEmpty();
        assertThat(ScenarioVariant.mismatch(async, "s-1", DbVariant.DEFAULT)).as("default stack for an async scenario")
                .hasValue("scenario async-wan-cut-then-dc1-loss needs a stack with async replication, Patroni 4, db routing router, "
                        + "but attached stack s-1 runs sync replication, Patroni 4, db routing router; "
                        + "start a matching stack or run without --attach.");
    }

    @Test
    void aRunbookScenarioTakesAStackThatIsNotPausedButAnAutomaticOneRefusesAPausedStack() {
        Scenario runbook = load("dc1-evacuation.yaml");
        Scenario automatic = load("dc1-power-loss.yaml");
        DbVariant paused = new DbVariant(true, "4", false, true);

        assertThat(ScenarioVariant.mismatch(runbook, "s-1", DbVariant.DEFAULT)).as("runbook drill on a running, unpaused stack").isEmpty();
        assertThat(ScenarioVariant.mismatch(runbook, "s-1", paused)).as("runbook drill on a paused stack").isEmpty();
        assertThat(ScenarioVariant.mismatch(runbook, "s-1", new DbVariant(false, "4", false, false))).as("other replication")
                .isPresent();
        assertThat(ScenarioVariant.mismatch(automatic, "s-1", paused)).as("automatic drill on a paused stack")
                .hasValueSatisfying(why -> assertThat(why).contains("runs sync replication, Patroni 4, db routing router, Patroni paused"));
    }

    @Test
    void planSaysWhetherASitePartitionIsExactOrWhyNot() {
        Scenario wanCut = load("wan-cut-witness-reachable.yaml");
        String exact = partitionNote(DrillPlan.of(wanCut, sites -> Optional.empty()));
        assertThat(exact).as("note where iptables and site users exist").isEqualTo("exact (iptables, per-site users)");
        List<String> asked = new java.util.ArrayList<>();
        String approximate = partitionNote(DrillPlan.of(wanCut, sites -> {
            asked.addAll(sites);
            return Optional.of("iptables cannot be changed here (needs root and iptables)");
        }));
        assertThat(approximate).as("note without root")
                .startsWith("approximate: iptables cannot be changed here (needs root and iptables), so through the shared etcd peer proxies this also cuts ")
                .contains("witness");
        assertThat(asked).as("sites asked about").contains("dc1", "dc2", "witness");
    }

    private static String partitionNote(DrillPlan plan) {
        return plan.timeline().stream().filter(s -> s.what().startsWith("wan-cut: partition")).findFirst().orElseThrow().note();
    }
}
