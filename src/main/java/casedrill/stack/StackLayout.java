package casedrill.stack;

import casedrill.topology.Link;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import casedrill.topology.PatroniTimings;
import casedrill.topology.Topology;
import java.util.List;
import java.util.Optional;

/**
 * What the stack provider brings up: nodes, the links between sites and Patroni's timings, taken
 * from a topology. A plain value so a provider can record it (the local one in its state file) and move its addresses.
 */
public record StackLayout(String topology, List<Node> nodes, List<Link> links, PatroniTimings patroni) {
    public StackLayout {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
    }

    public static StackLayout of(Topology topology) {
        return new StackLayout(topology.name(), List.copyOf(topology.nodes().values()),
                List.copyOf(topology.links().values()), topology.patroni());
    }

    public Node node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown node '" + name + "' in topology " + topology
                        + " (known: " + nodes.stream().map(Node::name).toList() + ")"));
    }

    public List<Node> nodesOf(NodeKind kind) {
        return nodes.stream().filter(n -> n.kind() == kind).toList();
    }

    public List<String> sites() {
        return nodes.stream().map(Node::site).distinct().toList();
    }

    /** The link {@code from} uses to reach {@code to}'s port, if the topology routes it through a proxy. */
    public Optional<Link> link(String from, String to, String port) {
        return links.stream().filter(l -> l.to().equals(to) && l.port().equals(port) && l.from().contains(from)).findFirst();
    }

    /** {@code host:port} that {@code from} dials for {@code to}'s port: the link's proxy, or direct when links are off. */
    public String reach(String from, String to, String port, boolean linksDirect) {
        if (!linksDirect) {
            Optional<Link> link = link(from, to, port);
            if (link.isPresent()) {
                return link.get().listen();
            }
        }
        return node(to).endpoint(port);
    }

    /** {@code host:port} that other sites use for {@code to}'s port: what the node advertises. */
    public String advertised(String to, String port, boolean linksDirect) {
        if (!linksDirect) {
            Optional<Link> link = links.stream().filter(l -> l.to().equals(to) && l.port().equals(port)).findFirst();
            if (link.isPresent()) {
                return link.get().listen();
            }
        }
        return node(to).endpoint(port);
    }
}
