package casedrill.stack.containers;

import casedrill.stack.ControlChannel;
import casedrill.stack.Credentials;
import casedrill.stack.DatabaseProcess;
import casedrill.topology.DbVariant;
import casedrill.stack.EffectiveAt;
import casedrill.stack.HostPort;
import casedrill.stack.Partition;
import casedrill.stack.RunningStack;
import casedrill.stack.StackLayout;
import casedrill.stack.StackRef;
import casedrill.stack.StackStatus;
import casedrill.stack.StillRunning;
import casedrill.stack.recipe.MaintenanceMode;
import casedrill.stack.recipe.RecipeContext;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.testcontainers.utility.LogUtils;

/**
 * A two-site (or any) topology running as containers on one Docker engine: node control through the engine
 * (SIGKILL, the cgroup freezer, stop/start) and, for a postgres node's single processes, from inside its container
 * ({@link PostgresNodeControl}); partitions by disabling the link proxies that cross the sites ({@link ProxyPartitions});
 * status from Patroni and the engine ({@link ContainersStatus}).
 * The harness reaches nodes at their ports published on 127.0.0.1 ({@link #layout()} is that view).
 */
public final class ContainersStack implements RunningStack {
    private final String id;
    private final DockerClient docker;
    private final ContainerLayout containers;
    private final StackLayout hostView;
    private final RecipeContext ctx;
    private final Map<String, Duration> phases;
    private final boolean owned;

    ContainersStack(String id, DockerClient docker, ContainerLayout containers, StackLayout hostView, RecipeContext ctx,
                    Map<String, Duration> phases, boolean owned) {
        this.id = id;
        this.docker = docker;
        this.containers = containers;
        this.hostView = hostView;
        this.ctx = ctx;
        this.phases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phases));
        this.owned = owned;
    }

    @Override
    public StackRef ref() {
        return new StackRef(ContainersStackProvider.NAME, id);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public StackLayout layout() {
        return hostView;
    }

    @Override
    public List<Node> nodes() {
        return ContainersStart.startOrder(hostView);
    }

    @Override
    public DbVariant variant() {
        return ctx.options().variant();
    }

    @Override
    public Map<String, String> images() {
        Map<String, String> images = new TreeMap<>();
        for (Container c : Engine.containersOf(docker, id)) {
            images.put(c.getImage(), c.getImageId());
        }
        return images;
    }

    @Override
    public Map<String, Duration> startPhases() {
        return phases;
    }

    @Override
    public void prepareNodeControl() {
        checkControl();
    }

    @Override
    public EffectiveAt kill(String node) {
        return act(node, c -> docker.killContainerCmd(c).withSignal("KILL").exec());
    }

    /** From inside the node's container (see {@link PostgresNodeControl}): the instant is that of the first signal. */
    @Override
    public EffectiveAt killOnly(String node, DatabaseProcess process) {
        PostgresNodeControl pg = postgres(node);
        return switch (process) {
            case PATRONI -> pg.crashPatroni();
            case POSTGRES -> pg.crashPostgres();
        };
    }

    @Override
    public EffectiveAt stop(String node) {
        return act(node, c -> docker.stopContainerCmd(c).withTimeout(30).exec());
    }

    /**
     * A stopped or killed container is started again; in a running postgres-node container whose Patroni alone
     * crashed, the supervisor starts Patroni again (with the container's environment). Either way the node must then
     * be ready.
     */
    @Override
    public EffectiveAt start(String node) {
        EffectiveAt at = patroniCrashedAlone(node) ? postgres(node).relaunchPatroni()
                : act(node, c -> docker.startContainerCmd(c).exec());
        ContainersStart.awaitReady(ctx, hostView.node(node), ctx.options().readyTimeout());
        return at;
    }

    @Override
    public EffectiveAt pause(String node) {
        return act(node, c -> docker.pauseContainerCmd(c).exec());
    }

    @Override
    public EffectiveAt resume(String node) {
        return act(node, c -> docker.unpauseContainerCmd(c).exec());
    }

    @Override
    public EffectiveAt restart(String node) {
        EffectiveAt at = alive(node) ? stop(node) : null;
        EffectiveAt started = start(node);
        return at != null ? at : started;
    }

    /** Every container of the site gets SIGKILL from its own thread, so none outlives the others by a round trip. */
    @Override
    public EffectiveAt powerLoss(String site) {
        List<String> ids = hostView.nodes().stream().filter(n -> n.site().equals(site)).map(n -> container(n.name())).toList();
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("site '" + site + "' has no nodes in stack " + id + " (sites: " + hostView.sites() + ")");
        }
        List<CompletableFuture<EffectiveAt>> kills = ids.stream().map(c -> CompletableFuture.supplyAsync(() -> {
            EffectiveAt at = EffectiveAt.now();
            docker.killContainerCmd(c).withSignal("KILL").exec();
            return at;
        })).toList();
        EffectiveAt first = null;
        for (CompletableFuture<EffectiveAt> k : kills) {
            first = k.join().earliest(first);
        }
        return first;
    }

    /**
     * The container runs and, on a postgres node, so does its Patroni (as the local stack judges a node by its main
     * process): after a Patroni-only crash the node is down, and a fault's heal starts it. A paused container's
     * processes are frozen, not gone (and the engine runs nothing in it): it counts as alive.
     */
    @Override
    public boolean alive(String node) {
        InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(container(node)).exec().getState();
        if (!Boolean.TRUE.equals(state.getRunning())) {
            return false;
        }
        return Boolean.TRUE.equals(state.getPaused()) || hostView.node(node).kind() != NodeKind.POSTGRES
                || postgres(node).patroniRunning();
    }

    private boolean patroniCrashedAlone(String node) {
        if (hostView.node(node).kind() != NodeKind.POSTGRES) {
            return false;
        }
        InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(container(node)).exec().getState();
        return Boolean.TRUE.equals(state.getRunning()) && !Boolean.TRUE.equals(state.getPaused()) && !postgres(node).patroniRunning();
    }

    /** In-container control of a postgres node; refuses any other node. */
    PostgresNodeControl postgres(String node) {
        Node n = hostView.node(node);
        if (n.kind() != NodeKind.POSTGRES) {
            throw new IllegalArgumentException("node " + node + " is a " + n.kind().id() + ", not a postgres node: only postgres"
                    + " nodes run Patroni and PostgreSQL as separate processes");
        }
        return new PostgresNodeControl(docker, container(node), ctx.dir().resolve(node),
                casedrill.stack.recipe.PatroniRecipe.postmasterPidFile(ctx, node));
    }

    @Override
    public Partition partition(List<Partition.SitePair> pairs, Partition.Mode mode) {
        return partitions().cut(pairs, mode, false);
    }

    @Override
    public Partition partitionIfExact(List<Partition.SitePair> pairs, Partition.Mode mode) {
        return partitions().cut(pairs, mode, true);
    }

    @Override
    public void heal(Partition partition) {
        partitions().heal(partition);
    }

    @Override
    public void healPartitions() {
        ContainersStackProvider.enableAll(toxiproxyApi());
    }

    @Override
    public int activePartitionRules() {
        return partitions().disabledLinks();
    }

    private ProxyPartitions partitions() {
        return new ProxyPartitions(id, hostView, toxiproxyApi());
    }

    @Override
    public HostPort toxiproxyApi() {
        Node proxy = hostView.nodesOf(NodeKind.TOXIPROXY).get(0);
        return new HostPort(proxy.address(), proxy.port("api"));
    }

    @Override
    public URI edgeUrl() {
        return URI.create("http://" + hostView.nodesOf(NodeKind.GSLB).get(0).endpoint("http"));
    }

    @Override
    public void maintenanceMode(boolean paused) {
        Node member = hostView.nodesOf(NodeKind.POSTGRES).stream().filter(n -> alive(n.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no database node of stack " + id + " is running"));
        MaintenanceMode.set(ctx, member, paused);
    }

    @Override
    public StackStatus status() {
        return ContainersStatus.read(id, docker, hostView, ctx);
    }

    @Override
    public ControlChannel controlChannel() {
        return new ControlChannel("the Docker engine", String.valueOf(
                org.testcontainers.DockerClientFactory.instance().getTransportConfig().getDockerHost()));
    }

    @Override
    public void checkControl() {
        docker.pingCmd().exec();
    }

    @Override
    public int collectLogs(Path runFolder) {
        Path logs = runFolder.resolve("stack-logs");
        int copied = 0;
        try {
            Files.createDirectories(logs);
            for (Node n : hostView.nodes()) {
                Files.writeString(logs.resolve(n.name() + ".log"), LogUtils.getOutput(docker, container(n.name())));
                copied++;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write container logs to " + logs + ": " + e.getMessage(), e);
        }
        return copied;
    }

    @Override
    public String dbUrlFor(String node) {
        Node n = hostView.node(node);
        String port = n.kind() == NodeKind.DB_ROUTER ? "primary" : "postgres";
        return "jdbc:postgresql://" + n.endpoint(port) + "/" + credentials().appDatabase() + "?sslmode=disable&connectTimeout=2";
    }

    /** Read from the run directory at attach: a stack whose secrets file is gone is still controlled and taken down. */
    @Override
    public Credentials credentials() {
        if (ctx.credentials() == null) {
            throw new IllegalStateException("the secrets of containers stack " + id + " are not at " + SecretsFile.of(ctx.dir())
                    + " (the run directory was removed, or this process cannot read it)");
        }
        return ctx.credentials();
    }

    @Override
    public List<StillRunning> down(boolean keep) {
        return Engine.remove(docker, id).stream().map(left -> new StillRunning(id, left)).toList();
    }

    @Override
    public void close() {
        if (owned) {
            down(false);
        }
    }

    /** Sends one engine call for the node's container; the instant is just before it was sent. */
    private EffectiveAt act(String node, java.util.function.Consumer<String> call) {
        String container = container(node);
        EffectiveAt at = EffectiveAt.now();
        call.accept(container);
        return at;
    }

    private String container(String node) {
        hostView.node(node);
        return NodeContainers.containerName(id, node);
    }
}
