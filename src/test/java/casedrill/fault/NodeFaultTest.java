package casedrill.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.scenario.FaultAction;
import casedrill.scenario.FaultStep;
import casedrill.topology.NodeKind;
import casedrill.topology.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Node, site, assault and switchover faults without a stack: what they ask of the node control. */
class NodeFaultTest {
    private final RecordingNodes nodes = new RecordingNodes();
    private final FaultContext ctx = new FaultContext(null, nodes, JsonHttp.standard(), name -> nodes.calls.add("heal " + name));

    @Test
    void everyRegisteredActionMakesAFaultOfItsOwnName() {
        assertThat(FaultRegistry.ACTIONS.actions()).as("actions").hasSize(16);
        for (FaultAction action : FaultRegistry.ACTIONS.actions()) {
            FaultStep step = action.actsOnLinks() ? Steps.onLinks("f", action, Map.of(), "wan-a")
                    : action.targets().contains(Target.Kind.FAULT) ? Steps.healOf("h", "f")
                    : action.targets().contains(Target.Kind.NODE) ? Steps.onNodes("f", action, Map.of(), NodeKind.APP, "app-1")
                    : Steps.onSite("f", "dc1", List.of("app-1"));
            Fault fault = FaultRegistry.ACTIONS.create(step, ctx);
            assertThat(fault.action()).as("fault made for %s", action.id()).isEqualTo(action.id());
            assertThat(fault.lasting()).as("%s lasts until healed", action.id()).isEqualTo(action.healable());
        }
    }

    @Test
    void anActionNotInTheRegistryMakesNoFault() {
        FaultAction unknown = new DefinedAction("flood", "not an action", java.util.EnumSet.of(Target.Kind.NODE), DefinedAction.HEALED,
                List.of(), (step, context) -> {
                    throw new AssertionError("the registry must not reach an unregistered definition");
                });
        assertThat(FaultRegistry.ACTIONS.action("flood")).as("lookup").isEmpty();
        assertThatThrownBy(() -> FaultRegistry.ACTIONS.create(Steps.onNodes("f", unknown, Map.of(), NodeKind.APP, "app-1"), ctx))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no fault implements action 'flood'");
    }

    @Test
    void killStopAndPauseAreHealedByStartOrResume() {
        for (FaultAction action : new FaultAction[] {KillFault.DEFINITION, StopFault.DEFINITION, PauseFault.DEFINITION}) {
            Fault f = FaultRegistry.ACTIONS.create(Steps.onNodes("f", action, Map.of(), NodeKind.POSTGRES, "pg-1", "pg-2"), ctx);
            f.inject();
            f.heal();
        }
        assertThat(nodes.calls).as("calls").containsExactly("kill pg-1", "kill pg-2", "start pg-1", "start pg-2",
                "stop pg-1", "stop pg-2", "start pg-1", "start pg-2", "pause pg-1", "pause pg-2", "resume pg-1", "resume pg-2");
    }

    @Test
    void killOnlyPatroniAsksForTheSingleProcessCrash() {
        FaultRegistry.ACTIONS.create(Steps.onNodes("f", KillFault.DEFINITION, Map.of("only", "patroni"), NodeKind.POSTGRES, "pg-1"), ctx).inject();
        assertThat(nodes.calls).as("calls").containsExactly("kill-only patroni pg-1");
    }

    @Test
    void oneOffActionsLeaveNothingActive() {
        for (FaultAction action : new FaultAction[] {RestartFault.DEFINITION, ResumeFault.DEFINITION, SwitchoverFault.DEFINITION}) {
            assertThat(FaultRegistry.ACTIONS.create(Steps.onNodes("f", action, Map.of(), NodeKind.POSTGRES, "pg-1"), ctx).lasting())
                    .as("%s lasting", action).isFalse();
        }
    }

    @Test
    void chaosMonkeyAssaultBodiesFollowTheActuatorContract() {
        ChaosMonkeyFault latency = (ChaosMonkeyFault) FaultRegistry.ACTIONS.create(Steps.onNodes("m", ChaosMonkeyFault.DEFINITION,
                Map.of("assault", "latency", "latencyRangeStart", Duration.ofMillis(300), "latencyRangeEnd", Duration.ofMillis(500),
                        "level", 1L), NodeKind.APP, "app-1"), ctx);
        assertThat(latency.assaultJson()).as("latency body").isEqualTo("{\"latencyActive\":true,\"latencyRangeStart\":300,"
                + "\"latencyRangeEnd\":500,\"level\":1,\"exceptionsActive\":false,\"killApplicationActive\":false}");
        assertThat(latency.undo().assaultUrls()).as("undo").containsExactly("http://127.0.0.1:1/actuator/chaosmonkey");
    }

    @Test
    void onlyFaultsThatDelayOrThrottleAreMarkedAsSlowingOnly() {
        for (String assault : new String[] {"latency", "exception", "kill-app"}) {
            Fault f = FaultRegistry.ACTIONS.create(Steps.onNodes("m", ChaosMonkeyFault.DEFINITION, Map.of("assault", assault), NodeKind.APP, "app-1"), ctx);
            assertThat(f.slowsOnly()).as("chaos-monkey %s slows only", assault).isEqualTo(assault.equals("latency"));
        }
        Map<FaultAction, Boolean> toxics = Map.of(LatencyToxic.DEFINITION, true, BandwidthToxic.DEFINITION, true, SlicerToxic.DEFINITION, true,
                SlowCloseToxic.DEFINITION, true, ResetToxic.DEFINITION, false, LimitDataToxic.DEFINITION, false, PartitionFault.DEFINITION, false);
        toxics.forEach((action, slows) -> assertThat(FaultRegistry.ACTIONS.create(Steps.onLinks("t", action, Map.of(), "wan-a"), ctx).slowsOnly())
                .as("%s slows only", action).isEqualTo(slows));
        assertThat(FaultRegistry.ACTIONS.create(Steps.onNodes("f", PauseFault.DEFINITION, Map.of(), NodeKind.POSTGRES, "pg-1"), ctx).slowsOnly())
                .as("pause slows only").isFalse();
    }

    @Test
    void chaosMonkeyInjectAgainstANodeThatDoesNotAnswerIsAHarnessError() {
        Fault f = FaultRegistry.ACTIONS.create(Steps.onNodes("m", ChaosMonkeyFault.DEFINITION, Map.of("assault", "exception", "level", 1L),
                NodeKind.APP, "app-1"), ctx);
        assertThatThrownBy(f::inject).isInstanceOf(FaultException.class).hasMessageContaining("127.0.0.1:1/actuator/chaosmonkey");
    }

    @Test
    void switchoverPicksTheLeaderFromPatronisClusterView() {
        String cluster = "{\"members\":[{\"name\":\"pg-dc2\",\"role\":\"sync_standby\"},{\"name\":\"pg-dc1\",\"role\":\"leader\"}]}";
        assertThat(SwitchoverFault.leader(cluster)).as("leader").isEqualTo("pg-dc1");
    }
}
