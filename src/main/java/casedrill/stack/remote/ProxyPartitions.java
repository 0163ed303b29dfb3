package casedrill.stack.remote;

import casedrill.environment.Environment;
import casedrill.environment.LinkProxy;
import casedrill.stack.EffectiveAt;
import casedrill.stack.Partition;
import casedrill.toxiproxy.ToxiproxyClients;
import casedrill.topology.Link;
import casedrill.topology.Node;
import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Site partitions of a remote deployment through the Toxiproxy proxies its environment names: every link whose
 * clients sit on one side of a pair and whose server sits on the other is disabled (connections refused, live ones
 * closed), so both modes cut the same way. Exact only when no such link also carries a third site's traffic; a
 * link that does is spared (see {@link #cuttable}), so the third site stays reachable from both sides.
 */
final class ProxyPartitions {
    private final Environment env;

    ProxyPartitions(Environment env) {
        this.env = env;
    }

    /** The links crossing any of the pairs, in the environment's order. */
    List<LinkProxy> crossing(List<Partition.SitePair> pairs) {
        return env.links().values().stream().filter(l -> pairs.stream().anyMatch(p -> crosses(link(l), p))).toList();
    }

    /**
     * The crossing links that carry only the pairs' traffic. A shared link (two-dc's etcd peer proxies: one advertised
     * address serves both other members) is left up: disabling it would also cut the witness off from both sides,
     * which is not the partition a scenario asks for ("both still reach the witness") and can cost etcd its quorum.
     */
    List<LinkProxy> cuttable(List<Partition.SitePair> pairs) {
        Set<String> inPairs = sitesIn(pairs);
        return crossing(pairs).stream().filter(l -> inPairs.containsAll(sitesOf(link(l)))).toList();
    }

    /** Sites other than the pairs' whose traffic a crossing link also carries. */
    Set<String> thirdSites(List<Partition.SitePair> pairs) {
        Set<String> inPairs = sitesIn(pairs);
        Set<String> third = new TreeSet<>();
        for (LinkProxy l : crossing(pairs)) {
            sitesOf(link(l)).stream().filter(s -> !inPairs.contains(s)).forEach(third::add);
        }
        return third;
    }

    private static Set<String> sitesIn(List<Partition.SitePair> pairs) {
        Set<String> sites = new TreeSet<>();
        pairs.forEach(p -> { sites.add(p.a()); sites.add(p.b()); });
        return sites;
    }

    /** Disables the proxies; the instant is when the first one was sent. */
    EffectiveAt disable(List<LinkProxy> links) {
        EffectiveAt first = null;
        for (LinkProxy l : links) {
            Proxy proxy = proxy(l);
            EffectiveAt sent = EffectiveAt.now();
            try {
                proxy.disable();
            } catch (IOException e) {
                throw new IllegalStateException("cannot disable proxy " + l.proxy() + " at " + l.toxiproxyUrl() + ": " + e.getMessage(), e);
            }
            first = sent.earliest(first);
        }
        return first;
    }

    /** Enables the proxies again and reads back that each is enabled. */
    void enable(List<LinkProxy> links) {
        for (LinkProxy l : links) {
            try {
                proxy(l).enable();
                if (!proxy(l).isEnabled()) {
                    throw new IllegalStateException("proxy " + l.proxy() + " at " + l.toxiproxyUrl() + " is still disabled after enabling it");
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot enable proxy " + l.proxy() + " at " + l.toxiproxyUrl() + ": " + e.getMessage(), e);
            }
        }
    }

    private static Proxy proxy(LinkProxy l) {
        URI api = URI.create(l.toxiproxyUrl());
        try {
            return ToxiproxyClients.connect(api.getHost(), api.getPort() > 0 ? api.getPort() : 8474).getProxy(l.proxy());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read proxy " + l.proxy() + " at " + l.toxiproxyUrl() + ": " + e.getMessage(), e);
        }
    }

    private Link link(LinkProxy l) {
        return env.topology().links().get(l.link());
    }

    private boolean crosses(Link link, Partition.SitePair pair) {
        Set<String> sites = sitesOf(link);
        String server = siteOf(link.to());
        String other = server.equals(pair.a()) ? pair.b() : server.equals(pair.b()) ? pair.a() : null;
        return other != null && sites.contains(other);
    }

    /** The sites of the link's clients. */
    private Set<String> sitesOf(Link link) {
        Set<String> sites = new TreeSet<>();
        link.from().forEach(n -> sites.add(siteOf(n)));
        return sites;
    }

    private String siteOf(String node) {
        return env.topology().node(node).map(Node::site).orElse(node);
    }
}
