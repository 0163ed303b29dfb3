package casedrill.stack.local;

import casedrill.topology.NodeKind;

/** The recipe for each kind of node. */
final class Recipes {
    private final LocalContext ctx;

    Recipes(LocalContext ctx) {
        this.ctx = ctx;
    }

    NodeRecipe of(NodeKind kind) {
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
