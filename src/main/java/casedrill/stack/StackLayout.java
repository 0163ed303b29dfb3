package casedrill.stack;

import java.util.List;
import java.util.Optional;

/**
 * What the stack provider brings up: nodes, the links between sites and Patroni's timings.
 * Filled from a topology; kept separate so the provider does not depend on the file format.
 */
public record StackLayout(String topology, List<NodeSpec> nodes, List<LinkSpec> links, PatroniTimings patroni) {
    public StackLayout {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
    }

    public NodeSpec node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown node '" + name + "' in topology " + topology
                        + " (known: " + nodes.stream().map(NodeSpec::name).toList() + ")"));
    }

    public List<NodeSpec> nodesOf(NodeKind kind) {
        return nodes.stream().filter(n -> n.kind() == kind).toList();
    }

    public List<NodeSpec> nodesAt(String site) {
        return nodes.stream().filter(n -> n.site().equals(site)).toList();
    }

    public List<String> sites() {
        return nodes.stream().map(NodeSpec::site).distinct().toList();
    }

    /** The link {@code from} uses to reach {@code to}'s port, if the topology routes it through a proxy. */
    public Optional<LinkSpec> link(String from, String to, String port) {
        return links.stream().filter(l -> l.to().equals(to) && l.port().equals(port) && l.from().contains(from)).findFirst();
    }

    /** Any link into {@code to}'s port: the address other sites use for it (what the node advertises). */
    public Optional<LinkSpec> linkInto(String to, String port) {
        return links.stream().filter(l -> l.to().equals(to) && l.port().equals(port)).findFirst();
    }

    /** {@code host:port} that {@code from} dials for {@code to}'s port: the link's proxy, or direct when links are off. */
    public String reach(String from, String to, String port, boolean linksDirect) {
        if (!linksDirect) {
            Optional<LinkSpec> link = link(from, to, port);
            if (link.isPresent()) {
                return link.get().listen();
            }
        }
        return node(to).endpoint(port);
    }

    /** {@code host:port} that other sites use for {@code to}'s port. */
    public String advertised(String to, String port, boolean linksDirect) {
        if (!linksDirect) {
            Optional<LinkSpec> link = linkInto(to, port);
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
        List<NodeSpec> movedNodes = nodes.stream()
                .map(n -> new NodeSpec(n.name(), n.kind(), n.site(), shift(n.address(), delta), n.ports())).toList();
        List<LinkSpec> movedLinks = links.stream().map(l -> new LinkSpec(l.name(), l.from(), l.to(), l.port(),
                shift(l.listenHost(), delta), l.listenPort())).toList();
        return new StackLayout(topology, movedNodes, movedLinks, patroni);
    }

    private static String shift(String address, int delta) {
        String[] octets = address.split("\\.");
        int third = Integer.parseInt(octets[2]) + delta;
        if (octets.length != 4 || !octets[0].equals("127") || third > 255) {
            throw new IllegalArgumentException("cannot shift address " + address + " by " + delta + " within 127.0.0.0/8");
        }
        return octets[0] + "." + octets[1] + "." + third + "." + octets[3];
    }
}
