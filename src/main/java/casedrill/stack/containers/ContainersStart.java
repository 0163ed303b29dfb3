package casedrill.stack.containers;

import casedrill.stack.Credentials;
import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.stack.StackStartException;
import casedrill.stack.recipe.RecipeContext;
import casedrill.stack.recipe.NodeConfigs;
import casedrill.stack.recipe.NodeRecipe;
import casedrill.stack.recipe.RunUser;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import com.github.dockerjava.api.DockerClient;
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
import org.testcontainers.containers.Network;

/**
 * Brings a layout up as containers, tier by tier like the local stack (link proxy, etcd, databases, db-routers,
 * app nodes, gslb): configs from the shared recipes (stack.recipe) written for the in-network layout, readiness
 * judged by the same recipes at the published ports. On failure removes everything it labelled and throws.
 */
final class ContainersStart {
    private ContainersStart() {
    }

    static List<Node> startOrder(StackLayout layout) {
        return layout.nodes().stream().sorted(Comparator.comparingInt(n -> n.kind().startTier())).toList();
    }

    static ContainersStack up(StackLayout layout, StackOptions options) {
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
        RecipeContext inside = new RecipeContext(id, dir, cl.inside(), options, Credentials.generate(), RunUser.forStack());
        SecretsFile.write(dir, inside.credentials());
        StackLayout hostView = hostView(layout);
        RecipeContext outside = new RecipeContext(id, dir, hostView, options, inside.credentials(), inside.stackUser());
        StackLabels labels = new StackLabels(id, options.runRoot(), new StackSpec(layout, options.variant(), options.readyTimeout()));
        Map<String, Duration> phases = new LinkedHashMap<>();
        try {
            Map<String, Network> networks = networks(labels, cl);
            Tiers tiers = new Tiers(labels, docker, images, cl, inside, outside, networks, options.readyTimeout(), phases);
            // The local stack's order: the leader bootstraps alone and gets the app database; standbys clone
            // while the routers and app nodes start.
            tiers.startAndAwait("toxiproxy", cl.inside().nodesOf(NodeKind.TOXIPROXY));
            tiers.startAndAwait("etcd", cl.inside().nodesOf(NodeKind.ETCD));
            List<Node> databases = cl.inside().nodesOf(NodeKind.POSTGRES);
            tiers.startAndAwait("leader", databases.subList(0, 1));
            tiers.awaitRole(databases.get(0), "/primary");
            NodeConfigs.createAppDatabase(outside, hostView.node(databases.get(0).name()));
            List<Node> standbys = databases.subList(1, databases.size());
            standbys.forEach(tiers::start);
            tiers.startAndAwait("db-routers", cl.inside().nodesOf(NodeKind.DB_ROUTER));
            cl.inside().nodesOf(NodeKind.APP).forEach(tiers::start);
            standbys.forEach(n -> tiers.awaitRole(n, "/replica"));
            tiers.mark("standbys");
            tiers.awaitReady(cl.inside().nodesOf(NodeKind.APP));
            tiers.mark("apps");
            tiers.startAndAwait("gslb", cl.inside().nodesOf(NodeKind.GSLB));
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

    /**
     * The harness's view: every node at 127.0.0.1 on host ports chosen now, so a restarted container keeps them.
     * The sockets that find the ports stay open until all are chosen: closed one by one, the kernel may hand the same
     * port out twice, and the engine then refuses the second container ("port is already allocated", seen once).
     */
    private static StackLayout hostView(StackLayout layout) {
        Map<String, Map<Integer, Integer>> published = new HashMap<>();
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (Node n : layout.nodes()) {
                Map<Integer, Integer> ports = new HashMap<>();
                for (int p : n.ports().values()) {
                    ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                    held.add(s);
                    ports.put(p, s.getLocalPort());
                }
                published.put(n.name(), ports);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free port on 127.0.0.1: " + e.getMessage(), e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing a listening socket that never accepted does not fail in a way that matters here
                }
            }
        }
        return HostView.of(layout, published);
    }

    private static Map<String, Network> networks(StackLabels labels, ContainerLayout cl) {
        Map<String, Network> networks = new LinkedHashMap<>();
        cl.subnets().forEach((site, subnet) -> {
            Network network = Network.builder().createNetworkCmdModifier(cmd -> cmd
                    .withName(ContainerLayout.networkName(labels.stackId(), site))
                    .withLabels(labels.network())
                    .withIpam(new com.github.dockerjava.api.model.Network.Ipam()
                            .withConfig(new com.github.dockerjava.api.model.Network.Ipam.Config().withSubnet(subnet))))
                    .build();
            network.getId();
            networks.put(site, network);
        });
        return networks;
    }



    static void awaitReady(RecipeContext ctx, Node host, Duration timeout) {
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
