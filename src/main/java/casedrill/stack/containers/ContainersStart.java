package casedrill.stack.containers;

import casedrill.stack.Credentials;
import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.stack.StackStartException;
import casedrill.stack.local.LocalContext;
import casedrill.stack.local.NodeConfigs;
import casedrill.stack.local.NodeRecipe;
import casedrill.stack.local.RunUser;
import casedrill.toxiproxy.ToxiproxyClients;
import casedrill.topology.Link;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerNetwork;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.security.SecureRandom;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Brings a layout up as containers, tier by tier like the local stack (link proxy, etcd, databases, db-routers,
 * app nodes, gslb): configs from the local stack's recipes written for the in-network layout, readiness judged by
 * the same recipes at the published ports. On failure removes everything it labelled and throws.
 */
final class ContainersStart {
    private ContainersStart() {
    }

    static List<Node> startOrder(StackLayout layout) {
        return layout.nodes().stream().sorted(Comparator.comparingInt(n -> tier(n.kind()))).toList();
    }

    private static int tier(NodeKind kind) {
        return switch (kind) {
            case TOXIPROXY -> 0;
            case ETCD -> 1;
            case POSTGRES -> 2;
            case DB_ROUTER -> 3;
            case APP -> 4;
            case GSLB -> 5;
        };
    }

    static ContainersStack up(StackLayout layout, StackOptions options) {
        if (!options.variant().patroni().equals(casedrill.stack.DbVariant.DEFAULT.patroni())) {
            throw new IllegalArgumentException("the containers provider runs Patroni " + casedrill.stack.DbVariant.DEFAULT.patroni()
                    + " only; variant " + options.variant() + " needs the local provider");
        }
        DockerClient docker = Engine.client();
        Images images = Images.read(Images.DEFAULT_MANIFEST);
        String id = "c" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        ContainerLayout cl = ContainerLayout.of(layout);
        Path dir = options.runRoot().resolve(id);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        LocalContext inside = new LocalContext(id, dir, cl.inside(), options, Credentials.generate(), RunUser.forStack());
        StackLayout hostView = hostView(layout);
        LocalContext outside = new LocalContext(id, dir, hostView, options, inside.credentials(), inside.stackUser());
        Map<String, Duration> phases = new LinkedHashMap<>();
        try {
            Map<String, Network> networks = networks(id, cl);
            Map<NodeKind, List<Node>> tiers = new LinkedHashMap<>();
            startOrder(cl.inside()).forEach(n -> tiers.computeIfAbsent(n.kind(), k -> new ArrayList<>()).add(n));
            for (Map.Entry<NodeKind, List<Node>> tier : tiers.entrySet()) {
                long t0 = System.nanoTime();
                for (Node n : tier.getValue()) {
                    Node host = hostView.node(n.name());
                    ContainerCommand command = ContainerCommand.of(n, NodeConfigs.prepare(inside, n));
                    GenericContainer<?> c = NodeContainers.of(id, n, host, images.of(n.kind()), networks.get(n.site()), command);
                    c.waitingFor(new AbstractWaitStrategy() {
                        @Override
                        protected void waitUntilReady() {
                            // readiness is the recipe's, judged below once the whole tier runs
                        }
                    });
                    c.start();
                    if (n.kind() == NodeKind.TOXIPROXY) {
                        joinEveryNetwork(docker, id, cl, n, networks);
                    }
                }
                for (Node n : tier.getValue()) {
                    awaitReady(outside, hostView.node(n.name()), options.readyTimeout());
                    if (n.kind() == NodeKind.TOXIPROXY) {
                        createProxies(cl, hostView.node(n.name()));
                    }
                }
                phases.put(tier.getKey().toString(), Duration.ofNanos(System.nanoTime() - t0));
            }
            return new ContainersStack(id, docker, cl, hostView, outside, phases, true);
        } catch (RuntimeException e) {
            try {
                Engine.remove(docker, id);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** The harness's view: every node at 127.0.0.1 on host ports chosen now, so a restarted container keeps them. */
    private static StackLayout hostView(StackLayout layout) {
        List<Node> nodes = new ArrayList<>();
        for (Node n : layout.nodes()) {
            Map<String, Integer> ports = new HashMap<>();
            n.ports().forEach((name, p) -> ports.put(name, freePort()));
            nodes.add(new Node(n.name(), n.kind(), n.site(), "127.0.0.1", ports));
        }
        return new StackLayout(layout.topology(), nodes, layout.links(), layout.patroni());
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private static Map<String, Network> networks(String id, ContainerLayout cl) {
        Map<String, Network> networks = new LinkedHashMap<>();
        cl.subnets().forEach((site, subnet) -> {
            Network network = Network.builder().createNetworkCmdModifier(cmd -> cmd
                    .withName(ContainerLayout.networkName(id, site))
                    .withLabels(new java.util.HashMap<>(Map.of(NodeContainers.STACK_LABEL, id)))
                    .withIpam(new com.github.dockerjava.api.model.Network.Ipam()
                            .withConfig(new com.github.dockerjava.api.model.Network.Ipam.Config().withSubnet(subnet))))
                    .build();
            network.getId();
            networks.put(site, network);
        });
        return networks;
    }

    /** The link proxy answers as {@link ContainerLayout#LINK_PROXY} on every site network, at its own host octet. */
    private static void joinEveryNetwork(DockerClient docker, String id, ContainerLayout cl, Node proxy,
                                         Map<String, Network> networks) {
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

    private static void createProxies(ContainerLayout cl, Node hostProxy) {
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

    static void awaitReady(LocalContext ctx, Node host, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        NodeRecipe.Readiness last;
        do {
            last = NodeConfigs.readiness(ctx, host);
            if (last.ready()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        throw new StackStartException(host.name(), ctx.dir(), "container of " + host.name() + " not ready within "
                + timeout.toSeconds() + " s: " + last.detail() + " (docker logs " + NodeContainers.containerName(ctx.id(), host.name()) + ")");
    }
}
