package casedrill.stack.containers;

import casedrill.stack.StackLayout;
import casedrill.topology.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The harness's view of a containers stack: every node at 127.0.0.1, each of its ports where the engine publishes
 * it. Inside the networks a node keeps its topology ports, so a container port names the node's port.
 */
final class HostView {
    static final String LOOPBACK = "127.0.0.1";

    private HostView() {
    }

    /** @param published per node, its container ports to the host ports they are published on */
    static StackLayout of(StackLayout layout, Map<String, Map<Integer, Integer>> published) {
        List<Node> nodes = new ArrayList<>();
        for (Node n : layout.nodes()) {
            Map<Integer, Integer> bound = published.get(n.name());
            if (bound == null) {
                throw new IllegalArgumentException("node " + n.name() + " of topology " + layout.topology() + " has no published ports");
            }
            Map<String, Integer> ports = new HashMap<>();
            n.ports().forEach((name, p) -> {
                Integer host = bound.get(p);
                if (host == null) {
                    throw new IllegalArgumentException("the container of " + n.name() + " publishes no host port for its port "
                            + name + " (" + p + "); published: " + bound);
                }
                ports.put(name, host);
            });
            nodes.add(new Node(n.name(), n.kind(), n.site(), LOOPBACK, ports));
        }
        return new StackLayout(layout.topology(), nodes, layout.links(), layout.patroni());
    }
}
