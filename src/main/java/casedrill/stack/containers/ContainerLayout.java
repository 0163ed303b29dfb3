package casedrill.stack.containers;

import casedrill.stack.StackLayout;
import casedrill.topology.Link;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A topology as the containers see it: each site is one Docker network, each node a container with a fixed
 * address in its site's subnet (the host octet of its loopback address kept, so configs stay readable), and every
 * link a port of the link-proxy container, which joins every site's network under the same alias. The local
 * stack's config generators then write container configs from {@link #inside()} unchanged.
 *
 * <p>Links keep their names but not their listen addresses: several links of one site share a port on
 * different loopback addresses, and the proxy container has one address per network, so each link gets a
 * port of its own.
 */
public record ContainerLayout(StackLayout original, StackLayout inside, Map<String, String> subnets) {
    /** Alias of the link-proxy container on every site network: links' listen addresses name it. */
    public static final String LINK_PROXY = "link-proxy";
    /** First of the link proxy's ports, one per link in the topology's order. */
    public static final int FIRST_LINK_PORT = 21000;
    private static final String SUBNET_PREFIX = "10.231.";

    public ContainerLayout {
        subnets = Map.copyOf(subnets);
    }

    public static ContainerLayout of(StackLayout layout) {
        List<String> sites = layout.sites();
        if (sites.size() > 250) {
            throw new IllegalArgumentException("topology " + layout.topology() + " has " + sites.size()
                    + " sites; the containers provider gives each a /24 of " + SUBNET_PREFIX + "0.0/16");
        }
        Map<String, String> subnets = new LinkedHashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            subnets.put(sites.get(i), SUBNET_PREFIX + (i + 1) + ".0/24");
        }
        List<Node> nodes = new ArrayList<>();
        for (Node n : layout.nodes()) {
            nodes.add(new Node(n.name(), n.kind(), n.site(), address(n, sites.indexOf(n.site()) + 1), n.ports()));
        }
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < layout.links().size(); i++) {
            Link l = layout.links().get(i);
            links.add(new Link(l.name(), l.from(), l.to(), l.port(), LINK_PROXY + ":" + (FIRST_LINK_PORT + i)));
        }
        return new ContainerLayout(layout, new StackLayout(layout.topology(), nodes, links, layout.patroni()), subnets);
    }

    /** The node's container address: its site's subnet, the host octet of its topology address. */
    private static String address(Node node, int siteIndex) {
        String[] octets = node.address().split("\\.");
        int host = Integer.parseInt(octets[octets.length - 1]);
        if (host < 2 || host > 254) {
            throw new IllegalArgumentException("node " + node.name() + " has address " + node.address()
                    + "; the containers provider keeps its last octet, which must be 2-254 (1 is the network's gateway)");
        }
        return SUBNET_PREFIX + siteIndex + "." + host;
    }

    /** The link proxy's port for a link, as the containers dial it. */
    public int linkPort(Link link) {
        String listen = inside.links().stream().filter(l -> l.name().equals(link.name())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown link " + link.name())).listen();
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }

    /** Where the link proxy forwards a link to, inside the networks. */
    public String upstream(Link link) {
        return inside.node(link.to()).endpoint(link.port());
    }

    /** The node running the link proxy (the topology's Toxiproxy server). */
    public Node linkProxy() {
        return inside.nodesOf(NodeKind.TOXIPROXY).stream().findFirst().orElseThrow(() -> new IllegalArgumentException(
                "topology " + original.topology() + " has no toxiproxy node to carry its links"));
    }

    /** The Docker network's name for a site of this stack. */
    public static String networkName(String stackId, String site) {
        return "casedrill-" + stackId + "-" + site;
    }
}
