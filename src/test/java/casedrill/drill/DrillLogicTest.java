package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.history.Event;
import casedrill.history.History;
import casedrill.history.Outcome;
import casedrill.scenario.FaultAction;
import casedrill.scenario.FaultStep;
import casedrill.scenario.Percentage;
import casedrill.scenario.ScenarioLoader;
import casedrill.scenario.SteadyState;
import casedrill.topology.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The runner's pure parts on literal data: steady-state gate, fault schedule, target mapping. */
class DrillLogicTest {
    private static Event.Probe probe(long at, Outcome outcome, long latencyMs) {
        return new Event.Probe(at, "status", outcome, outcome == Outcome.OK ? 200 : 503, latencyMs, "app-dc1-a");
    }

    @Test
    void steadyStateGateRefusesSlowOrFailingServiceAndCountsOnlyItsWindow() {
        List<Event> events = new ArrayList<>();
        for (long t = 0; t < 20_000; t += 100) {
            events.add(probe(t, Outcome.OK, 20));
        }
        events.add(probe(25_000, Outcome.FAILED, 0)); // after the window: ignored
        History history = new History(events);
        SteadyState p95Of1ms = new SteadyState(Duration.ofSeconds(10), new Percentage(99), Optional.of(Duration.ofMillis(1)), Optional.empty());
        SteadyState lenient = new SteadyState(Duration.ofSeconds(10), new Percentage(99), Optional.of(Duration.ofMillis(300)), Optional.empty());
        assertThat(SteadyStateGate.judge(history, p95Of1ms, 5_000, 15_000).refusal()).as("p95 1ms")
                .hasValueSatisfying(r -> assertThat(r).startsWith("p95 20.0 ms is above"));
        SteadyStateGate.Finding ok = SteadyStateGate.judge(history, lenient, 5_000, 15_000);
        assertThat(ok.refusal()).as("lenient refusal").isEmpty();
        assertThat(ok.requests()).as("probes in the window").isEqualTo(100);

        List<Event> failing = new ArrayList<>(events);
        failing.add(probe(6_000, Outcome.FAILED, 0));
        failing.add(probe(6_001, Outcome.UNKNOWN, 1000));
        assertThat(SteadyStateGate.judge(new History(failing), lenient, 5_000, 15_000).refusal()).as("98% success")
                .hasValueSatisfying(r -> assertThat(r).contains("below the steady state's 99%"));
        assertThat(SteadyStateGate.judge(new History(List.of()), lenient, 5_000, 15_000).refusal()).as("nothing seen")
                .hasValueSatisfying(r -> assertThat(r).contains("not seen"));
    }

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
        return new FaultStep(index, id, Duration.ofSeconds(atSeconds), lasting, FaultAction.PAUSE, new Target.NodeTarget("app-dc1-a"),
                Optional.empty(), Map.of(), null);
    }

    @Test
    void theDefaultDrillsTargetsMapOntoCheckers() {
        TargetPlan plan = TargetPlan.of(ScenarioLoader.load(Path.of("scenarios/dc1-power-loss.yaml")));
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
