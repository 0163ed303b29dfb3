package casedrill.stack.containers;

import casedrill.stack.StackLayout;
import casedrill.topology.Node;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack rebuilt from what the engine shows of its containers (their labels and published ports), so a process
 * that did not start it can drive it: the engine is the record, nothing is read from the run directory but secrets.
 */
record LabelledStack(StackLabels labels, StackLayout hostView) {

    /** One container as the engine shows it: its labels, and the host port each container port is published on. */
    record Seen(Map<String, String> labels, Map<Integer, Integer> published) {
        Seen {
            labels = Map.copyOf(labels);
            published = Map.copyOf(published);
        }
    }

    /** Throws {@link IllegalArgumentException}, saying how to remove what is left, when the containers do not make the stack. */
    static LabelledStack of(String stackId, List<Seen> containers) {
        if (containers.isEmpty()) {
            throw new IllegalArgumentException("no container in the Docker engine is labelled " + StackLabels.STACK + "=" + stackId
                    + ": stack " + stackId + " is down, or ran on another engine");
        }
        Seen first = containers.stream().filter(c -> c.labels().containsKey(StackLabels.SPEC)).findFirst()
                .orElseThrow(() -> unusable(stackId, "its containers carry no " + StackLabels.SPEC + " label (started by a casedrill"
                        + " without attach)"));
        StackSpec spec = StackSpec.parse(first.labels().get(StackLabels.SPEC));
        String root = first.labels().get(StackLabels.RUN_ROOT);
        if (root == null) {
            throw unusable(stackId, "its containers carry no " + StackLabels.RUN_ROOT + " label");
        }
        Map<String, Map<Integer, Integer>> published = new LinkedHashMap<>();
        for (Seen c : containers) {
            String node = c.labels().get(StackLabels.NODE);
            if (node != null) {
                published.put(node, c.published());
            }
        }
        List<String> missing = spec.layout().nodes().stream().map(Node::name).filter(n -> !published.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw unusable(stackId, "the containers of " + missing + " are gone");
        }
        return new LabelledStack(new StackLabels(stackId, Path.of(root), spec), HostView.of(spec.layout(), published));
    }

    private static IllegalArgumentException unusable(String stackId, String why) {
        return new IllegalArgumentException("cannot attach to containers stack " + stackId + ": " + why + "; remove what is left with: "
                + "docker rm -f $(docker ps -aq --filter label=" + StackLabels.STACK + "=" + stackId + ") && docker network rm"
                + " $(docker network ls -q --filter label=" + StackLabels.STACK + "=" + stackId + ")");
    }
}
