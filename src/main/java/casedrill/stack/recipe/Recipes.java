package casedrill.stack.recipe;

import casedrill.topology.NodeKind;

/** The recipe for each kind of node. */
public final class Recipes {
    private final RecipeContext ctx;

    public Recipes(RecipeContext ctx) {
        this.ctx = ctx;
    }

    public NodeRecipe of(NodeKind kind) {
        return switch (kind) {
            case ETCD -> new EtcdRecipe(ctx);
            case POSTGRES -> new PatroniRecipe(ctx);
            case DB_ROUTER -> new DbRouterRecipe(ctx);
            case APP -> new AppRecipe(ctx);
            case GSLB -> new GslbRecipe(ctx);
            case TOXIPROXY -> new ToxiproxyRecipe(ctx);
        };
    }
}
