package casedrill.stack.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker engine as the containers provider uses it: Testcontainers' client, with the settings that keep it
 * from any registry checked first, and lookups by the stack's label (so a later command finds a stack it did not start).
 */
final class Engine {
    private static final Map<String, String> NO_REGISTRY = Map.of(
            "TESTCONTAINERS_RYUK_DISABLED", "true",
            "TESTCONTAINERS_CHECKS_DISABLE", "true",
            "TESTCONTAINERS_HOST_OVERRIDE", "localhost");

    private Engine() {
    }

    /** The client; throws with what to set or start when Testcontainers would pull or no engine answers. */
    static DockerClient client() {
        List<String> missing = new ArrayList<>();
        NO_REGISTRY.forEach((k, v) -> {
            if (!v.equals(System.getenv(k))) {
                missing.add(k + "=" + v);
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the containers provider needs " + String.join(" ", missing)
                    + " in the environment (no registry is reachable: Testcontainers would try to pull; the Makefile sets them)");
        }
        if (System.getProperty("api.version") == null) {
            System.setProperty("api.version", "1.41");
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("no Docker engine answers; start one with: src/main/docker/dockerd.sh start"
                    + " (installs docker.io when missing)");
        }
        return DockerClientFactory.instance().client();
    }

    /** Every container of the stack, running or not. */
    static List<Container> containersOf(DockerClient docker, String stackId) {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(NodeContainers.STACK_LABEL, stackId)).exec();
    }

    /** The container id of a node of the stack, if it exists. */
    static String idOf(DockerClient docker, String stackId, String node) {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(NodeContainers.STACK_LABEL, stackId, NodeContainers.NODE_LABEL, node)).exec()
                .stream().findFirst().map(Container::getId)
                .orElseThrow(() -> new IllegalStateException("stack " + stackId + " has no container for node " + node));
    }

    /** Removes the stack's containers (with their anonymous volumes) and networks; returns what is left. */
    static List<String> remove(DockerClient docker, String stackId) {
        for (Container c : containersOf(docker, stackId)) {
            docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
        }
        docker.listNetworksCmd().withFilter("label", List.of(NodeContainers.STACK_LABEL + "=" + stackId)).exec()
                .forEach(n -> docker.removeNetworkCmd(n.getId()).exec());
        List<String> left = new ArrayList<>();
        containersOf(docker, stackId).forEach(c -> left.add("container " + String.join(",", c.getNames())));
        docker.listNetworksCmd().withFilter("label", List.of(NodeContainers.STACK_LABEL + "=" + stackId)).exec()
                .forEach(n -> left.add("network " + n.getName()));
        return left;
    }
}
