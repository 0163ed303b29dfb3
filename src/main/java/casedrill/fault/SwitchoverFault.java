package casedrill.fault;

import casedrill.scenario.FaultAction;
import casedrill.scenario.FaultStep;
import casedrill.stack.EffectiveAt;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import casedrill.topology.ResolvedTarget;
import casedrill.topology.Target;
import casedrill.topology.Target.Kind;
import casedrill.topology.Topology;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Planned switchover through Patroni's REST API: asks the candidate's Patroni who leads, then
 * {@code POST /switchover {"leader": <leader>, "candidate": <target>}}. A one-off step.
 */
final class SwitchoverFault extends OneOffFault {
    static final FaultDefinition DEFINITION = new DefinedAction("switchover", "planned Patroni switchover to the named database node",
            EnumSet.of(Kind.NODE), DefinedAction.ONE_OFF, List.of(), SwitchoverFault::new) {
        @Override
        public Optional<String> refusal(Target target, ResolvedTarget resolved, Topology topology, Set<String> given) {
            Node node = resolved.nodes().get(0);
            if (node.kind() == NodeKind.POSTGRES) {
                return Optional.empty();
            }
            return Optional.of("action 'switchover' needs the postgres node to promote, but '" + target.text() + "' is "
                    + FaultAction.article(node.kind().id()) + " node (postgres nodes: " + topology.nodesOfKind(NodeKind.POSTGRES)
                    .stream().map(Node::name).collect(Collectors.joining(", ")) + ")");
        }
    };

    private SwitchoverFault(FaultStep step, FaultContext ctx) {
        super(step, ctx);
    }

    @Override
    public EffectiveAt inject() {
        String candidate = StepTargets.nodes(step).get(0);
        String patroni = "http://" + ctx.nodes().endpoint(candidate, "patroni");
        try {
            String leader = leader(ctx.http().get(patroni + "/cluster"));
            if (leader.equals(candidate)) {
                throw new FaultException("switchover to " + candidate + ": it already leads the cluster");
            }
            ObjectNode request = JsonMapper.shared().createObjectNode().put("leader", leader).put("candidate", candidate);
            EffectiveAt requested = EffectiveAt.now();
            ctx.http().post(patroni + "/switchover", JsonMapper.shared().writeValueAsString(request));
            return requested;
        } catch (IOException e) {
            throw new FaultException("switchover to " + candidate + " through " + patroni + " failed: " + e.getMessage(), e);
        }
    }

    static String leader(String clusterJson) {
        for (JsonNode member : JsonMapper.shared().readTree(clusterJson).path("members")) {
            if ("leader".equals(member.path("role").asString())) {
                return member.path("name").asString();
            }
        }
        throw new FaultException("Patroni's /cluster names no leader: " + clusterJson);
    }
}
