package casedrill.stack.containers;

import casedrill.stack.recipe.RecipeContext;
import casedrill.stack.recipe.NodeConfigs;
import casedrill.toxiproxy.ToxiproxyClients;
import casedrill.topology.Link;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerNetwork;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/** Starts nodes' containers and waits for them, timing each phase of the start. */
final class Tiers {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String id;
    private final StackLabels labels;
    private final DockerClient docker;
    private final Images images;
    private final ContainerLayout cl;
    private final RecipeContext inside;
    private final RecipeContext outside;
    private final Map<String, Network> networks;
    private final Duration timeout;
    private final Map<String, Duration> phases;
    private long mark = System.nanoTime();

    Tiers(StackLabels labels, DockerClient docker, Images images, ContainerLayout cl, RecipeContext inside, RecipeContext outside,
          Map<String, Network> networks, Duration timeout, Map<String, Duration> phases) {
        this.id = labels.stackId();
        this.labels = labels;
        this.docker = docker;
        this.images = images;
        this.cl = cl;
        this.inside = inside;
        this.outside = outside;
        this.networks = networks;
        this.timeout = timeout;
        this.phases = phases;
    }

    void startAndAwait(String phase, List<Node> nodes) {
        nodes.forEach(this::start);
        awaitReady(nodes);
        mark(phase);
    }

    void mark(String phase) {
        long now = System.nanoTime();
        phases.put(phase, Duration.ofNanos(now - mark));
        mark = now;
    }

    void start(Node n) {
        ContainerCommand command = ContainerCommand.of(n, NodeConfigs.prepare(inside, n));
        GenericContainer<?> c = NodeContainers.of(labels, n, outside.layout().node(n.name()), images.of(n.kind()),
                networks.get(n.site()), command);
        c.waitingFor(new AbstractWaitStrategy() {
            @Override
            protected void waitUntilReady() {
                // readiness is the recipe's, judged at the published ports
            }
        });
        c.start();
        if (n.kind() == NodeKind.TOXIPROXY) {
            joinEveryNetwork(n);
        }
    }

    void awaitReady(List<Node> nodes) {
        for (Node n : nodes) {
            Node host = outside.layout().node(n.name());
            ContainersStart.awaitReady(outside, host, timeout);
            if (n.kind() == NodeKind.TOXIPROXY) {
                createProxies(host);
            }
        }
    }

    /** Waits until Patroni on the node answers 200 on {@code check} (/primary, /replica). */
    void awaitRole(Node n, String check) {
        URI url = URI.create("http://" + outside.layout().node(n.name()).endpoint("patroni") + check);
        long deadline = System.nanoTime() + timeout.toNanos();
        int status = -1;
        while (System.nanoTime() < deadline) {
            try {
                status = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep();
        }
        throw new casedrill.stack.StackStartException(n.name(), outside.dir(), "Patroni GET " + check + " answered "
                + status + " after " + timeout.toSeconds() + " s (docker logs " + NodeContainers.containerName(id, n.name()) + ")");
    }

    /** The link proxy answers as {@link ContainerLayout#LINK_PROXY} on every site network, at its own host octet. */
    private void joinEveryNetwork(Node proxy) {
        String octet = proxy.address().substring(proxy.address().lastIndexOf('.') + 1);
        String container = NodeContainers.containerName(id, proxy.name());
        cl.subnets().forEach((site, subnet) -> {
            if (site.equals(proxy.site())) {
                return;
            }
            String address = subnet.substring(0, subnet.lastIndexOf('.') + 1) + octet;
            docker.connectToNetworkCmd().withNetworkId(networks.get(site).getId()).withContainerId(container)
                    .withContainerNetwork(new ContainerNetwork().withAliases(ContainerLayout.LINK_PROXY)
                            .withIpamConfig(new ContainerNetwork.Ipam().withIpv4Address(address)))
                    .exec();
        });
    }

    private void createProxies(Node hostProxy) {
        ToxiproxyClient client = ToxiproxyClients.connect(hostProxy.address(), hostProxy.port("api"));
        for (Link link : cl.original().links()) {
            String listen = ContainerCommand.ANY + ":" + cl.linkPort(link);
            try {
                client.createProxy(link.name(), listen, cl.upstream(link));
            } catch (IOException e) {
                throw new IllegalStateException("cannot create proxy " + link.name() + " (" + listen + " -> "
                        + cl.upstream(link) + ") at " + hostProxy.endpoint("api") + ": " + e.getMessage(), e);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
