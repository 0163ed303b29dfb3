package casedrill.topology;

import java.util.List;

/**
 * The concrete nodes and links a target stands for. {@code approximate} is set when cutting these
 * links through proxies also cuts traffic of sites the target does not name (shared etcd peer
 * links), so plans and reports can say so.
 */
public record ResolvedTarget(Target target, List<Node> nodes, List<Link> links, boolean approximate) {
    public ResolvedTarget {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
    }
}
