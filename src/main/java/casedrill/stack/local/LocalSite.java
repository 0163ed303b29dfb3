package casedrill.stack.local;

import casedrill.stack.EffectiveAt;
import casedrill.topology.Node;
import java.util.List;

/** A handle on all nodes of one site. */
public final class LocalSite {
    private final LocalStack stack;
    private final String name;
    private final List<Node> nodes;

    LocalSite(LocalStack stack, String name, List<Node> nodes) {
        this.stack = stack;
        this.name = name;
        this.nodes = List.copyOf(nodes);
    }

    public String name() {
        return name;
    }

    public List<LocalNode> nodes() {
        return nodes.stream().map(n -> stack.node(n.name())).toList();
    }

    /**
     * Power loss: a hard crash of every node of the site at the same instant. Every process of the site is listed
     * first, then the signals go out back to back; returns the instant the first one was sent.
     */
    public EffectiveAt powerLoss() {
        return stack.control().crash(nodes.stream().map(n -> stack.target(n.name())).toList());
    }
}
