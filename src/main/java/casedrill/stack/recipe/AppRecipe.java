package casedrill.stack.recipe;

import casedrill.stack.Credentials;
import casedrill.topology.NodeKind;
import casedrill.topology.Node;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** A case-service node; it writes through its own site's db-router. Secrets go in through the environment. */
final class AppRecipe implements NodeRecipe {
    private final RecipeContext ctx;

    AppRecipe(RecipeContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public LaunchSpec prepare(Node node) {
        Path dir = ctx.nodeDir(node.name());
        Credentials c = ctx.credentials();
        Map<String, String> env = Map.of(
                "CASEDRILL_DB_PASSWORD", c.appPassword(),
                "CASEDRILL_TOKEN_CLIENT", c.clientToken(),
                "CASEDRILL_TOKEN_OFFICER", c.officerToken(),
                "CASEDRILL_TOKEN_PARTNER", c.partnerToken());
        return new LaunchSpec(node.name(), JavaNodes.command(ctx.options(), "node", "app",
                "--site", node.site(), "--name", node.name(), "--bind", node.endpoint("http"),
                "--db", jdbcUrl(node), "--db-user", c.appUser()),
                env, Set.of("PGPASSWORD"), false, dir, ctx.log(node.name()));
    }

    String jdbcUrl(Node app) {
        if (ctx.options().variant().multihost()) {
            return multihostUrl(app);
        }
        Node router = ctx.layout().nodesOf(NodeKind.DB_ROUTER).stream().filter(r -> r.site().equals(app.site()))
                .findFirst().orElseThrow(() -> new IllegalStateException("site " + app.site() + " of " + app.name()
                        + " has no db-router node"));
        return "jdbc:postgresql://" + ctx.reach(app.name(), router.name(), "primary") + "/" + ctx.credentials().appDatabase()
                + "?sslmode=disable&connectTimeout=2&socketTimeout=5";
    }

    /**
     * The own site's PostgreSQL first, then the other sites' through their links; pgjdbc picks the one
     * that is primary. No health check stands between: a stale primary still takes writes (failure mode 2).
     */
    private String multihostUrl(Node app) {
        String hosts = ctx.layout().nodesOf(NodeKind.POSTGRES).stream()
                .sorted(java.util.Comparator.comparing(pg -> !pg.site().equals(app.site())))
                .map(pg -> ctx.reach(app.name(), pg.name(), "postgres"))
                .collect(java.util.stream.Collectors.joining(","));
        return "jdbc:postgresql://" + hosts + "/" + ctx.credentials().appDatabase()
                + "?targetServerType=primary&sslmode=disable&connectTimeout=2&socketTimeout=5";
    }

    @Override
    public Readiness readiness(Node node) {
        Probes.Answer ready = Probes.get("http://" + node.endpoint("http") + GslbRecipe.READINESS);
        return ready.ok() ? Readiness.yes("ready")
                : Readiness.no("GET " + GslbRecipe.READINESS + " at " + node.endpoint("http") + " answered " + ready.status());
    }
}
