package casedrill.stack.recipe;

import casedrill.topology.Link;
import casedrill.topology.Node;
import casedrill.toxiproxy.ToxiproxyClients;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** The embedded Toxiproxy-compatible server, with one proxy per topology link, named after the link. */
public final class ToxiproxyRecipe implements NodeRecipe {
    private final RecipeContext ctx;

    ToxiproxyRecipe(RecipeContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public LaunchSpec prepare(Node node) {
        Path dir = ctx.nodeDir(node.name());
        return new LaunchSpec(node.name(), JavaNodes.command(ctx.options(), "toxiproxy",
                "--host", node.address(), "--port", Integer.toString(node.port("api"))),
                Map.of(), Set.of(), false, dir, ctx.log(node.name()));
    }

    @Override
    public Readiness readiness(Node node) {
        Probes.Answer version = Probes.get("http://" + node.endpoint("api") + "/version");
        return version.ok() ? Readiness.yes("API answering")
                : Readiness.no("GET /version at " + node.endpoint("api") + " answered " + version.status());
    }

    /** Creates (or re-creates, after a restart of the server) the proxy of every link, enabled. */
    public void createProxies(Node node) {
        ToxiproxyClient client = ToxiproxyClients.connect(node.address(), node.port("api"));
        for (Link link : ctx.layout().links()) {
            String upstream = ctx.node(link.to()).endpoint(link.port());
            try {
                Proxy existing = client.getProxyOrNull(link.name());
                if (existing != null) {
                    existing.delete();
                }
                client.createProxy(link.name(), link.listen(), upstream);
            } catch (IOException e) {
                throw new IllegalStateException("cannot create proxy " + link.name() + " (" + link.listen() + " -> "
                        + upstream + ") on the Toxiproxy server at " + node.endpoint("api") + ": " + e.getMessage(), e);
            }
        }
    }
}
