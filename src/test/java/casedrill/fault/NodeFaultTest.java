package casedrill.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.scenario.FaultAction;
import casedrill.topology.NodeKind;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Node, site, assault and switchover faults without a stack: what they ask of the node control. */
class NodeFaultTest {
    private final RecordingNodes nodes = new RecordingNodes();
    private final FaultContext ctx = new FaultContext(null, nodes, JsonHttp.standard(), name -> nodes.calls.add("heal " + name));

    @Test
    void everyScenarioActionHasAFault() {
        assertThat(Arrays.stream(FaultAction.values()).filter(a -> !FaultRegistry.covers(a))).as("actions without a fault").isEmpty();
    }

    @Test
    void killStopAndPauseAreHealedByStartOrResume() {
        for (FaultAction action : new FaultAction[] {FaultAction.KILL, FaultAction.STOP, FaultAction.PAUSE}) {
            Fault f = FaultRegistry.create(Steps.onNodes("f", action, Map.of(), NodeKind.POSTGRES, "pg-1", "pg-2"), ctx);
            f.inject();
            f.heal();
        }
        assertThat(nodes.calls).as("calls").containsExactly("kill pg-1", "kill pg-2", "start pg-1", "start pg-2",
                "stop pg-1", "stop pg-2", "start pg-1", "start pg-2", "pause pg-1", "pause pg-2", "resume pg-1", "resume pg-2");
    }

    @Test
    void killOnlyPatroniAsksForTheSingleProcessCrash() {
        FaultRegistry.create(Steps.onNodes("f", FaultAction.KILL, Map.of("only", "patroni"), NodeKind.POSTGRES, "pg-1"), ctx).inject();
        assertThat(nodes.calls).as("calls").containsExactly("kill-only patroni pg-1");
    }

    @Test
    void oneOffActionsLeaveNothingActive() {
        for (FaultAction action : new FaultAction[] {FaultAction.RESTART, FaultAction.RESUME, FaultAction.SWITCHOVER}) {
            assertThat(FaultRegistry.create(Steps.onNodes("f", action, Map.of(), NodeKind.POSTGRES, "pg-1"), ctx).lasting())
                    .as("%s lasting", action).isFalse();
        }
    }

    @Test
    void chaosMonkeyAssaultBodiesFollowTheActuatorContract() {
        ChaosMonkeyFault latency = (ChaosMonkeyFault) FaultRegistry.create(Steps.onNodes("m", FaultAction.CHAOS_MONKEY,
                Map.of("assault", "latency", "latencyRangeStart", Duration.ofMillis(300), "latencyRangeEnd", Duration.ofMillis(500),
                        "level", 1L), NodeKind.APP, "app-1"), ctx);
        assertThat(latency.assaultJson()).as("latency body").isEqualTo("{\"latencyActive\":true,\"latencyRangeStart\":300,"
                + "\"latencyRangeEnd\":500,\"level\":1,\"exceptionsActive\":false,\"killApplicationActive\":false}");
        assertThat(latency.undo().assaultUrls()).as("undo").containsExactly("http://127.0.0.1:1/actuator/chaosmonkey");
    }

    @Test
    void onlyFaultsThatDelayOrThrottleAreMarkedAsSlowingOnly() {
        for (String assault : new String[] {"latency", "exception", "kill-app"}) {
            Fault f = FaultRegistry.create(Steps.onNodes("m", FaultAction.CHAOS_MONKEY, Map.of("assault", assault), NodeKind.APP, "app-1"), ctx);
            assertThat(f.slowsOnly()).as("chaos-monkey %s slows only", assault).isEqualTo(assault.equals("latency"));
        }
        Map<FaultAction, Boolean> toxics = Map.of(FaultAction.LATENCY, true, FaultAction.BANDWIDTH, true, FaultAction.SLICER, true,
                FaultAction.SLOW_CLOSE, true, FaultAction.RESET, false, FaultAction.LIMIT_DATA, false, FaultAction.PARTITION, false);
        toxics.forEach((action, slows) -> assertThat(FaultRegistry.create(Steps.onLinks("t", action, Map.of(), "wan-a"), ctx).slowsOnly())
                .as("%s slows only", action).isEqualTo(slows));
        assertThat(FaultRegistry.create(Steps.onNodes("f", FaultAction.PAUSE, Map.of(), NodeKind.POSTGRES, "pg-1"), ctx).slowsOnly())
                .as("pause slows only").isFalse();
    }

    @Test
    void chaosMonkeyInjectAgainstANodeThatDoesNotAnswerIsAHarnessError() {
        Fault f = FaultRegistry.create(Steps.onNodes("m", FaultAction.CHAOS_MONKEY, Map.of("assault", "exception", "level", 1L),
                NodeKind.APP, "app-1"), ctx);
        assertThatThrownBy(f::inject).isInstanceOf(FaultException.class).hasMessageContaining("127.0.0.1:1/actuator/chaosmonkey");
    }

    @Test
    void switchoverPicksTheLeaderFromPatronisClusterView() {
        String cluster = "{\"members\":[{\"name\":\"pg-dc2\",\"role\":\"sync_standby\"},{\"name\":\"pg-dc1\",\"role\":\"leader\"}]}";
        assertThat(SwitchoverFault.leader(cluster)).as("leader").isEqualTo("pg-dc1");
    }
}
