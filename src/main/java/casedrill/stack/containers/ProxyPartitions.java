package casedrill.stack.containers;

import casedrill.stack.EffectiveAt;
import casedrill.stack.HostPort;
import casedrill.stack.Partition;
import casedrill.stack.StackLayout;
import casedrill.toxiproxy.ToxiproxyClients;
import casedrill.topology.Link;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.util.List;

/**
 * Partitions between the sites of a containers stack: every link proxy that crosses a cut pair is disabled, which
 * refuses new connections and closes live ones, so both modes cut the same way here. Exact only when no crossing
 * link also carries a third site's traffic ({@link CrossingLinks}). The proxies' own state is the record: heal and
 * {@link #disabledLinks()} read it back from the link proxy's API.
 */
final class ProxyPartitions {
    private final String stackId;
    private final StackLayout hostView;
    private final HostPort api;

    ProxyPartitions(String stackId, StackLayout hostView, HostPort api) {
        this.stackId = stackId;
        this.hostView = hostView;
        this.api = api;
    }

    /** The instant is just before the first proxy was disabled. */
    Partition cut(List<Partition.SitePair> pairs, Partition.Mode mode, boolean onlyIfExact) {
        CrossingLinks crossing = new CrossingLinks(hostView);
        List<Link> links = crossing.crossing(pairs);
        var third = crossing.thirdSites(pairs);
        boolean exact = third.isEmpty();
        String names = links.stream().map(Link::name).toList().toString();
        if (onlyIfExact && !exact) {
            return new Partition(pairs, mode, false, "not cut: links " + names + " also carry " + third);
        }
        EffectiveAt first = null;
        for (Link l : links) {
            EffectiveAt sent = EffectiveAt.now();
            proxyOp(l.name(), Proxy::disable);
            first = sent.earliest(first);
        }
        String detail = "link proxies disabled: " + names + (exact ? "" : " (also cuts " + third + ")")
                + "; connections are refused and live ones closed in either mode";
        return new Partition(pairs, mode, exact, detail, first);
    }

    void heal(Partition partition) {
        for (Link l : new CrossingLinks(hostView).crossing(partition.sides())) {
            proxyOp(l.name(), Proxy::enable);
            if (!proxyRead(l.name()).isEnabled()) {
                throw new IllegalStateException("proxy " + l.name() + " of stack " + stackId + " is still disabled after enabling it");
            }
        }
    }

    int disabledLinks() {
        int disabled = 0;
        for (Link l : hostView.links()) {
            disabled += proxyRead(l.name()).isEnabled() ? 0 : 1;
        }
        return disabled;
    }

    private interface ProxyAction {
        void apply(Proxy proxy) throws IOException;
    }

    private void proxyOp(String link, ProxyAction action) {
        try {
            action.apply(proxyRead(link));
        } catch (IOException e) {
            throw new IllegalStateException("cannot change proxy " + link + " at " + api + ": " + e.getMessage(), e);
        }
    }

    private Proxy proxyRead(String link) {
        ToxiproxyClient client = ToxiproxyClients.connect(api.host(), api.port());
        try {
            return client.getProxy(link);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read proxy " + link + " at " + api + ": " + e.getMessage(), e);
        }
    }
}
