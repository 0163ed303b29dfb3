package casedrill.stack.recipe;

import casedrill.topology.NodeKind;
import casedrill.topology.Node;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One etcd member. It listens on its own address but advertises its peer link's proxy address, so
 * every peer conversation crosses the link the topology names.
 */
final class EtcdRecipe implements NodeRecipe {
    private final RecipeContext ctx;

    EtcdRecipe(RecipeContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public LaunchSpec prepare(Node node) {
        Path dir = ctx.nodeDir(node.name());
        String initialCluster = ctx.layout().nodesOf(NodeKind.ETCD).stream()
                .map(m -> m.name() + "=http://" + ctx.advertised(m.name(), "peer"))
                .collect(Collectors.joining(","));
        List<String> command = List.of("etcd",
                "--name", node.name(),
                "--data-dir", dir.resolve("data").toString(),
                "--listen-client-urls", "http://" + node.endpoint("client"),
                "--advertise-client-urls", "http://" + node.endpoint("client"),
                "--listen-peer-urls", "http://" + node.endpoint("peer"),
                "--initial-advertise-peer-urls", "http://" + ctx.advertised(node.name(), "peer"),
                "--initial-cluster", initialCluster,
                "--initial-cluster-state", "new",
                "--initial-cluster-token", ctx.scope(),
                "--enable-v2=false");
        return new LaunchSpec(node.name(), command, new HashMap<>(), Set.of("ETCDCTL_API"), true, dir, ctx.log(node.name()));
    }

    @Override
    public Readiness readiness(Node node) {
        Probes.Answer health = Probes.get("http://" + node.endpoint("client") + "/health");
        return health.ok() && health.body().contains("\"true\"")
                ? Readiness.yes("healthy")
                : Readiness.no("GET /health answered " + health.status() + " " + health.body().strip());
    }
}
