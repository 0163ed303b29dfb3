package casedrill.stack;

import java.util.List;

/** What {@code stack status} shows: every node, the Patroni leader and replication state. */
public record StackStatus(String id, String dir, String leader, List<Node> nodes, List<Replica> replication) {
    public StackStatus {
        nodes = List.copyOf(nodes);
        replication = List.copyOf(replication);
    }

    /** Process: running, paused or gone. Role: Patroni's role for databases, else the node kind. */
    public record Node(String name, String site, String kind, String role, String address, long pid, String process,
                       boolean healthy, String health) {
    }

    /** A database member as Patroni reports it; lag in bytes and timeline (-1 unknown). */
    public record Replica(String name, String role, String state, long lagBytes, long timeline) {
        public Replica(String name, String role, String state, long lagBytes) {
            this(name, role, state, lagBytes, -1);
        }
    }

    public boolean allHealthy() {
        return nodes.stream().allMatch(Node::healthy);
    }

    public Node node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node '" + name + "' in stack " + id));
    }
}
