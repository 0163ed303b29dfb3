package casedrill.stack.recipe;

import casedrill.topology.NodeKind;
import casedrill.topology.Node;

/**
 * A site's db-router: HAProxy in TCP mode whose health checks follow Patroni's {@code /primary}
 * and {@code /replica}, so only the current leader takes writes. The other site's database is
 * reached, and checked, through this site's link proxies.
 */
final class DbRouterRecipe implements NodeRecipe {
    private final RecipeContext ctx;

    DbRouterRecipe(RecipeContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public LaunchSpec prepare(Node node) {
        String config = """
                global
                  maxconn 2000
                defaults
                  mode tcp
                  timeout connect 2s
                  timeout client 30m
                  timeout server 30m
                  timeout check 2s
                %s%s
                listen stats
                  mode http
                  bind %s
                  stats enable
                  stats uri /
                """.formatted(listen("primary", node), listen("replica", node), node.endpoint("stats"));
        return HaproxyLaunch.spec(ctx, node, config);
    }

    private String listen(String role, Node router) {
        StringBuilder b = new StringBuilder("""
                listen %s
                  bind %s
                  option httpchk
                  http-check send meth GET uri /%s
                  http-check expect status 200
                  default-server inter 1s fastinter 250ms downinter 250ms fall 2 rise 1 on-marked-down shutdown-sessions
                """.formatted(role, router.endpoint(role), role));
        for (Node pg : ctx.layout().nodesOf(NodeKind.POSTGRES)) {
            String[] db = ctx.reach(router.name(), pg.name(), "postgres").split(":");
            String[] check = ctx.reach(router.name(), pg.name(), "patroni").split(":");
            b.append("  server %s %s:%s check addr %s port %s%n".formatted(pg.name(), db[0], db[1], check[0], check[1]));
        }
        return b.toString();
    }

    @Override
    public Readiness readiness(Node node) {
        return HaproxyStats.serversUp(node.endpoint("stats"), "primary") > 0
                ? Readiness.yes("routing to a primary")
                : Readiness.no("no primary is UP in " + node.name() + "'s backend (stats at " + node.endpoint("stats") + ")");
    }
}
