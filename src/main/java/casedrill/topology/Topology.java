package casedrill.topology;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A stack layout: sites, nodes and the links between them. Maps keep file order. */
public record Topology(String name, String description, Path source, Map<String, Site> sites,
                       Map<String, Node> nodes, Map<String, Link> links, PatroniTimings patroni) {

    public Optional<Node> node(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    public List<Node> nodesOf(String site) {
        return nodes.values().stream().filter(n -> n.site().equals(site)).toList();
    }

    public List<Node> nodesOfKind(NodeKind kind) {
        return nodes.values().stream().filter(n -> n.kind() == kind).toList();
    }

    public String siteOf(String nodeName) {
        return nodes.get(nodeName).site();
    }

    /** Sites whose nodes use this link, i.e. where its traffic comes from. */
    public Set<String> sourceSites(Link link) {
        return link.from().stream().map(this::siteOf).collect(Collectors.toCollection(TreeSet::new));
    }

    public String destinationSite(Link link) {
        return siteOf(link.to());
    }
}
