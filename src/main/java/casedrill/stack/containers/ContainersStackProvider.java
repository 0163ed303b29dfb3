package casedrill.stack.containers;

import casedrill.stack.HostPort;
import casedrill.stack.RunningStack;
import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.stack.StackProvider;
import casedrill.stack.StackRef;
import casedrill.toxiproxy.ToxiproxyClients;
import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Stacks as containers on a local Docker engine, one network per site, images built here and never pulled. */
public final class ContainersStackProvider implements StackProvider {
    public static final String NAME = "containers";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe(StackLayout layout) {
        return "starts the " + layout.topology() + " stack as " + layout.nodes().size() + " containers on the local Docker engine ("
                + layout.sites().size() + " site networks, cross-site traffic through the link-proxy container)";
    }

    @Override
    public RunningStack up(StackLayout layout, StackOptions options) {
        return ContainersStart.up(layout, options);
    }

    @Override
    public RunningStack attach(StackRef ref) {
        throw new UnsupportedOperationException("the containers provider cannot attach to stack " + ref
                + " yet; take it down with: docker rm -f $(docker ps -aq --filter label=" + NodeContainers.STACK_LABEL + "=" + ref.locator() + ")");
    }

    @Override
    public Optional<StackRef> current(StackOptions options) {
        return Optional.empty();
    }

    /** Sites share no network: the link proxy carries every cross-site byte, so a cut is exact unless a link serves a third site. */
    @Override
    public Optional<String> whyNotExact(List<String> sites) {
        return Optional.empty();
    }

    @Override
    public int removePartitions(String stackId) {
        var docker = Engine.client();
        var proxy = Engine.containersOf(docker, stackId).stream()
                .filter(c -> c.getLabels().getOrDefault(NodeContainers.NODE_LABEL, "").equals("toxiproxy")).findFirst();
        if (proxy.isEmpty()) {
            return 0;
        }
        int api = java.util.Arrays.stream(proxy.get().getPorts()).filter(p -> p.getPrivatePort() == 8474 && p.getPublicPort() != null)
                .map(p -> p.getPublicPort()).findFirst().orElse(-1);
        return api < 0 ? 0 : enableAll(new HostPort("127.0.0.1", api));
    }

    /** Enables every disabled proxy of the link proxy at {@code api}; returns how many it enabled. */
    static int enableAll(HostPort api) {
        try {
            int enabled = 0;
            for (Proxy p : ToxiproxyClients.connect(api.host(), api.port()).getProxies()) {
                if (!p.isEnabled()) {
                    p.enable();
                    enabled++;
                }
            }
            return enabled;
        } catch (IOException e) {
            throw new IllegalStateException("cannot enable the link proxies at " + api + ": " + e.getMessage(), e);
        }
    }
}
