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
 * from a topology. A plain value so the state file can carry it and tests can move its addresses.
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

    /**
     * The same layout with every address moved by {@code delta} in its third octet (127.0.1.11 with
     * delta 100 becomes 127.0.101.11), so a test stack cannot collide with a stack someone runs.
     */
    public StackLayout shifted(int delta) {
        List<Node> movedNodes = nodes.stream()
                .map(n -> new Node(n.name(), n.kind(), n.site(), shift(n.address(), delta), n.ports())).toList();
        List<Link> movedLinks = links.stream().map(l -> new Link(l.name(), l.from(), l.to(), l.port(),
                shift(Endpoints.host(l.listen()), delta) + ":" + Endpoints.port(l.listen()))).toList();
        return new StackLayout(topology, movedNodes, movedLinks, patroni);
    }

    private static String shift(String address, int delta) {
        String[] octets = address.split("\\.");
        int third = octets.length == 4 ? Integer.parseInt(octets[2]) + delta : -1;
        if (!octets[0].equals("127") || third < 0 || third > 255) {
            throw new IllegalArgumentException("cannot shift address " + address + " by " + delta + " within 127.0.0.0/8");
        }
        return octets[0] + "." + octets[1] + "." + third + "." + octets[3];
    }
}
