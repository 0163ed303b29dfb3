package casedrill.stack.containers;

import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.toxiproxy.ToxiproxyContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One node's container: its role's image (never pulled), its site's network at its fixed address, every port of
 * the node published on 127.0.0.1 only, and the stack's labels so {@code stack down} finds exactly what it made.
 */
final class NodeContainers {
    /** Label holding the stack id on every container and network of a stack. */
    static final String STACK_LABEL = "casedrill.stack";
    static final String NODE_LABEL = "casedrill.node";
    /** No registry exists: a missing image fails in milliseconds instead of retrying a pull. */
    private static final ImagePullPolicy NEVER_PULL = name -> false;
    /** The image Testcontainers' Toxiproxy module expects; ours stands in for it (it is never pulled). */
    static final String TOXIPROXY_MODULE_IMAGE = "ghcr.io/shopify/toxiproxy";

    private NodeContainers() {
    }

    static String containerName(String stackId, String node) {
        return "casedrill-" + stackId + "-" + node;
    }

    /**
     * The link proxy is Testcontainers' own Toxiproxy module on our image (our server speaks Toxiproxy's API), so what
     * the drill drives is what a Testcontainers user starts. Its defaults (ports 8474 and 8666-8697 exposed, a wait on
     * /version) give way below to the node's own ports, bound on loopback, and the recipe's readiness.
     */
    static GenericContainer<?> linkProxy(LocalImage image) {
        return new ToxiproxyContainer(DockerImageName.parse(image.reference()).asCompatibleSubstituteFor(TOXIPROXY_MODULE_IMAGE));
    }

    /** {@code node} as the networks see it, {@code host} as the harness does (its published ports). */
    static GenericContainer<?> of(StackLabels labels, Node node, Node host, LocalImage image, Network network,
                                  ContainerCommand command) {
        String stackId = labels.stackId();
        GenericContainer<?> c = node.kind() == NodeKind.TOXIPROXY ? linkProxy(image) : new GenericContainer<>(image.reference());
        c.withImagePullPolicy(NEVER_PULL)
                .withNetwork(network)
                .withNetworkAliases(node.kind() == NodeKind.TOXIPROXY
                        ? new String[] {node.name(), ContainerLayout.LINK_PROXY} : new String[] {node.name()})
                .withEnv(command.env())
                .withExposedPorts(node.ports().values().toArray(Integer[]::new))
                .withStartupTimeout(Duration.ofSeconds(60));
        if (!command.args().isEmpty()) {
            c.withCommand(command.args().toArray(String[]::new));
        }
        command.files().forEach((path, content) -> c.withCopyToContainer(Transferable.of(content, 0644), path));
        c.withCreateContainerCmdModifier(cmd -> {
            cmd.withName(containerName(stackId, node.name())).withHostName(node.name()).withIpv4Address(node.address())
                    .withLabels(labels.node(node.name()));
            if (!command.entrypoint().isEmpty()) {
                // An entrypoint of ours prepares as root what the image's user then runs (see ContainerCommand).
                cmd.withEntrypoint(command.entrypoint()).withUser("root");
            }
            // Testcontainers publishes on every interface; the brief of this provider is loopback only.
            Ports ports = new Ports();
            node.ports().forEach((name, p) -> ports.bind(ExposedPort.tcp(p), Ports.Binding.bindIpAndPort("127.0.0.1", host.port(name))));
            cmd.getHostConfig().withPortBindings(ports);
        });
        return c;
    }

}
