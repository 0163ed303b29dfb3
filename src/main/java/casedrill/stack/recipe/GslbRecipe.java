package casedrill.stack.recipe;

import casedrill.topology.NodeKind;
import casedrill.topology.Node;

/** The edge: HAProxy in HTTP mode over every app node (through the edge's links), active-active, on readiness checks. */
final class GslbRecipe implements NodeRecipe {
    static final String BACKEND = "apps";
    static final String READINESS = "/actuator/health/readiness";

    private final RecipeContext ctx;

    GslbRecipe(RecipeContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public LaunchSpec prepare(Node node) {
        StringBuilder servers = new StringBuilder();
        for (Node app : ctx.layout().nodesOf(NodeKind.APP)) {
            servers.append("  server %s %s check%n".formatted(app.name(), ctx.reach(node.name(), app.name(), "http")));
        }
        String config = """
                global
                  maxconn 4000
                defaults
                  mode http
                  option redispatch
                  retries 2
                  timeout connect 2s
                  timeout client 30s
                  timeout server 30s
                  timeout check 2s
                frontend edge
                  bind %s
                  default_backend %s
                backend %s
                  balance roundrobin
                  option httpchk
                  http-check send meth GET uri %s
                  http-check expect status 200
                  default-server inter 1s fall 2 rise 1
                %s
                listen stats
                  bind %s
                  stats enable
                  stats uri /
                """.formatted(node.endpoint("http"), BACKEND, BACKEND, READINESS, servers, node.endpoint("stats"));
        return HaproxyLaunch.spec(ctx, node, config);
    }

    @Override
    public Readiness readiness(Node node) {
        long up = HaproxyStats.serversUp(node.endpoint("stats"), BACKEND);
        long apps = ctx.layout().nodesOf(NodeKind.APP).size();
        return up == apps ? Readiness.yes(up + "/" + apps + " app nodes UP")
                : Readiness.no(up + "/" + apps + " app nodes UP behind the gslb");
    }
}
