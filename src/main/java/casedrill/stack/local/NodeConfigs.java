package casedrill.stack.local;

import casedrill.topology.Node;

/**
 * The local stack's per-kind config generators and readiness checks, for providers that run the same nodes
 * elsewhere (the containers provider hands them its in-network layout). One source of truth for every config.
 */
public final class NodeConfigs {
    private NodeConfigs() {
    }

    /** Writes the node's config files under the context's run directory and returns how to start it. */
    public static LaunchSpec prepare(LocalContext ctx, Node node) {
        return new Recipes(ctx).of(node.kind()).prepare(node);
    }

    /** Whether the node answers as ready at the endpoints {@code node} names (any view of it: local or published). */
    public static NodeRecipe.Readiness readiness(LocalContext ctx, Node node) {
        return new Recipes(ctx).of(node.kind()).readiness(node);
    }

    /** Creates the case service's database and role on the bootstrap leader, as {@code leader} names its endpoints. */
    public static void createAppDatabase(LocalContext ctx, Node leader) {
        AppDatabase.create(ctx, leader);
    }
}
