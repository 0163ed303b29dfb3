package casedrill.stack.local;

import casedrill.stack.Credentials;
import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.topology.Node;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything later commands need to find and control a running stack: the layout it was started
 * from, its secrets and the process of every node (PID with start time, user, log file).
 */
public record StackState(String id, String dir, Instant created, StackOptions options, StackLayout layout,
                         Credentials credentials, Map<String, NodeProcess> processes) {

    public StackState {
        processes = Map.copyOf(processes);
    }

    public Path directory() {
        return Path.of(dir);
    }

    public Optional<NodeProcess> process(String node) {
        return Optional.ofNullable(processes.get(node));
    }

    /** The nodes this stack actually runs, in start order. */
    public List<Node> startedNodes() {
        return layout.nodes().stream().filter(n -> processes.containsKey(n.name())).toList();
    }

    public StackState with(NodeProcess process) {
        Map<String, NodeProcess> next = new LinkedHashMap<>(processes);
        next.put(process.node(), process);
        return new StackState(id, dir, created, options, layout, credentials, next);
    }

    public StackState without(String node) {
        Map<String, NodeProcess> next = new LinkedHashMap<>(processes);
        next.remove(node);
        return new StackState(id, dir, created, options, layout, credentials, next);
    }
}
