package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.fault.FaultRegistry;
import casedrill.history.History;
import casedrill.scenario.FaultStep;
import casedrill.scenario.ScenarioLoader;
import casedrill.topology.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The runner's pure parts on literal data: fault schedule, target mapping (the steady-state rule: check/SteadyStateRuleTest). */
class DrillLogicTest {
    @Test
    void faultScheduleOrdersInjectionsAndAutoHealsWithHealsFirstAtTheSameOffset() {
        FaultStep first = step(0, "a", 40, Optional.of(Duration.ofSeconds(20)));
        FaultStep second = step(1, "b", 60, Optional.empty());
        FaultStep third = step(2, "c", 50, Optional.of(Duration.ofSeconds(5)));
        assertThat(FaultSchedule.of(List.of(first, second, third)).entries())
                .extracting(e -> e.atMs() + " " + e.kind() + " " + e.step().name())
                .containsExactly("40000 INJECT a", "50000 INJECT c", "55000 AUTO_HEAL c", "60000 AUTO_HEAL a", "60000 INJECT b");
    }

    private static FaultStep step(int index, String id, long atSeconds, Optional<Duration> lasting) {
        return new FaultStep(index, id, Duration.ofSeconds(atSeconds), lasting, FaultRegistry.ACTIONS.action("pause").orElseThrow(), new Target.NodeTarget("app-dc1-a"),
                Optional.empty(), Map.of(), null);
    }

    @Test
    void theDefaultDrillsTargetsMapOntoCheckers() {
        TargetPlan plan = TargetPlan.of(ScenarioLoader.load(Path.of("scenarios/dc1-power-loss.yaml"), FaultRegistry.ACTIONS));
        assertThat(plan.items()).extracting(TargetPlan.Item::name).as("targets")
                .containsExactly("rto", "rpo", "error-budget", "split-brain", "recovered-latency");
        TargetPlan.Item rto = plan.items().get(0);
        assertThat(rto.targets().rto()).as("rto").isEqualTo(Duration.ofSeconds(45));
        assertThat(rto.targets().recovery().threshold()).as("recovered means the scenario's 99%").isEqualTo(0.99);
        assertThat(plan.items().get(2).targets().maxErrorRate()).as("error budget").isEqualTo(0.20);
    }

    @Test
    void aCheckerThatCrashesGivesUnknownNeverPass() {
        TargetPlan plan = new TargetPlan(List.of(new TargetPlan.Item("boom", casedrill.check.Demand.words("anything"), new casedrill.check.Checker() {
            public String name() { return "boom"; }
            public casedrill.check.CheckResult check(History h, casedrill.check.Targets t) { throw new IllegalStateException("bug"); }
        }, casedrill.check.Targets.none())));
        assertThat(plan.check(History.of()).get(0).verdict()).as("verdict of a crashing checker").isEqualTo(casedrill.check.Verdict.UNKNOWN);
    }
}
