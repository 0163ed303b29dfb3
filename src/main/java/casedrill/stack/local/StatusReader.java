package casedrill.stack.local;

import casedrill.stack.PatroniMember;
import casedrill.stack.recipe.NodeRecipe;
import casedrill.stack.recipe.PatroniCluster;
import casedrill.stack.recipe.RecipeContext;
import casedrill.stack.recipe.Recipes;
import casedrill.topology.NodeKind;
import casedrill.topology.Node;
import casedrill.stack.StackStatus;
import java.util.ArrayList;
import java.util.List;

/** Reads a stack's status from its processes, its nodes' health endpoints and Patroni's cluster view. */
public final class StatusReader {
    private final RecipeContext ctx;
    private final Recipes recipes;

    public StatusReader(RecipeContext ctx) {
        this.ctx = ctx;
        this.recipes = new Recipes(ctx);
    }

    public StackStatus read(StackState state) {
        List<String> patroniEndpoints = state.startedNodes().stream().filter(n -> n.kind() == NodeKind.POSTGRES)
                .map(n -> n.endpoint("patroni")).toList();
        List<PatroniMember> members = PatroniCluster.members(patroniEndpoints);
        String leader = members.stream().filter(PatroniMember::leader).map(PatroniMember::name)
                .findFirst().orElse("none");
        List<StackStatus.Node> nodes = new ArrayList<>();
        for (Node node : state.startedNodes()) {
            NodeProcess recorded = state.process(node.name()).orElseThrow();
            LocalProcess process = recorded.process();
            String life = !process.alive() ? "gone" : process.stopped() ? "paused" : "running";
            NodeRecipe.Readiness health = life.equals("running") ? recipes.of(node.kind()).readiness(node)
                    : NodeRecipe.Readiness.no("process " + life);
            String role = node.kind() == NodeKind.POSTGRES
                    ? members.stream().filter(m -> m.name().equals(node.name())).map(PatroniMember::role)
                            .findFirst().orElse("unknown")
                    : node.kind().id();
            nodes.add(new StackStatus.Node(node.name(), node.site(), node.kind().id(), role, node.address(),
                    recorded.pid(), life, health.ready(), health.detail()));
        }
        List<StackStatus.Replica> replication = members.stream()
                .map(m -> new StackStatus.Replica(m.name(), m.role(), m.state(), m.lagBytes(), m.timeline())).toList();
        return new StackStatus(state.id(), state.dir(), leader, nodes, replication);
    }
}
