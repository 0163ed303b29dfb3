package casedrill.stack.recipe;

import casedrill.topology.Node;

/**
 * The per-kind config generators and readiness checks the providers share: the local stack runs them on its
 * loopback layout, the containers provider on its in-network layout. One source of truth for every config.
 */
public final class NodeConfigs {
    private NodeConfigs() {
    }

    /** Writes the node's config files under the context's run directory and returns how to start it. */
    public static LaunchSpec prepare(RecipeContext ctx, Node node) {
        return new Recipes(ctx).of(node.kind()).prepare(node);
    }

    /** Whether the node answers as ready at the endpoints {@code node} names (any view of it: local or published). */
    public static NodeRecipe.Readiness readiness(RecipeContext ctx, Node node) {
        return new Recipes(ctx).of(node.kind()).readiness(node);
    }

    /** Creates the case service's database and role on the bootstrap leader, as {@code leader} names its endpoints. */
    public static void createAppDatabase(RecipeContext ctx, Node leader) {
        AppDatabase.create(ctx, leader);
    }
}
