package casedrill.stack.local;

import casedrill.stack.ControlChannel;
import casedrill.stack.Credentials;
import casedrill.stack.DatabaseProcess;
import casedrill.stack.EffectiveAt;
import casedrill.stack.HostPort;
import casedrill.stack.Partition;
import casedrill.stack.PatroniMember;
import casedrill.stack.RunningStack;
import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.stack.StackRef;
import casedrill.stack.StackStatus;
import casedrill.stack.StillRunning;
import casedrill.stack.recipe.MaintenanceMode;
import casedrill.stack.recipe.PatroniCluster;
import casedrill.stack.recipe.RecipeContext;
import casedrill.stack.recipe.RunUser;
import casedrill.topology.DbVariant;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A running local stack. {@link #up} starts one (and {@link #close} takes it down: the stack it
 * started belongs to it); {@link #attach} finds one started earlier, by another process too (and
 * {@link #close} leaves it running). Every process is detached and recorded in the state file.
 */
public final class LocalStack implements RunningStack {
    private final RecipeContext ctx;
    private final boolean owned;
    private final Map<String, Duration> startPhases;
    private volatile StackState state;

    LocalStack(RecipeContext ctx, StackState state, boolean owned, Map<String, Duration> startPhases) {
        this.ctx = ctx;
        this.state = state;
        this.owned = owned;
        this.startPhases = startPhases;
    }

    /** Brings a stack up; on failure stops what it started, keeps the run directory (logs) if anything ran, and throws. */
    public static LocalStack up(StackLayout layout, StackOptions options) {
        return LocalStackStart.up(layout, options);
    }

    /** Attaches to the stack whose run directory is {@code dir}. */
    public static LocalStack attach(Path dir) {
        StackState state = StateFile.read(dir);
        RecipeContext ctx = new RecipeContext(state.id(), state.directory(), state.layout(), state.options(),
                state.credentials(), RunUser.forStack());
        return new LocalStack(ctx, state, false, Map.of());
    }

    /** Attaches to the stack {@code <runRoot>/current} points at. */
    public static LocalStack attachCurrent(Path runRoot) {
        return attach(StateFile.current(runRoot).orElseThrow(() -> new IllegalArgumentException(
                "no current stack: " + runRoot.resolve(StateFile.CURRENT) + " does not point at a running stack")));
    }

    public LocalNode node(String name) {
        Node spec = state.layout().node(name);
        if (state.process(name).isEmpty()) {
            throw new IllegalArgumentException("node " + name + " is not running in stack " + state.id()
                    + " (running: " + state.processes().keySet() + ")");
        }
        return new LocalNode(this, spec);
    }

    public LocalSite site(String name) {
        List<Node> nodes = state.startedNodes().stream().filter(n -> n.site().equals(name)).toList();
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("unknown site '" + name + "' in stack " + state.id()
                    + " (known: " + state.layout().sites() + ")");
        }
        return new LocalSite(this, name, nodes);
    }

    @Override
    public HostPort toxiproxyApi() {
        return HostPort.of(firstOf(NodeKind.TOXIPROXY).endpoint("api"));
    }

    @Override
    public URI edgeUrl() {
        return URI.create("http://" + firstOf(NodeKind.GSLB).endpoint("http"));
    }

    /** JDBC URL straight to one database node's PostgreSQL (for reconciliation), or to a db-router's primary port. */
    @Override
    public String dbUrlFor(String nodeName) {
        Node node = state.layout().node(nodeName);
        String endpoint = switch (node.kind()) {
            case POSTGRES -> node.endpoint("postgres");
            case DB_ROUTER -> node.endpoint("primary");
            default -> throw new IllegalArgumentException("node " + nodeName + " is a " + node.kind().id()
                    + ", not a database or db-router");
        };
        return "jdbc:postgresql://" + endpoint + "/" + state.credentials().appDatabase()
                + "?sslmode=disable&connectTimeout=2&socketTimeout=5";
    }

    /** How long each phase of {@link #up} took, in start order; empty for an attached stack. */
    @Override
    public Map<String, Duration> startPhases() {
        return startPhases;
    }

    @Override
    public Credentials credentials() {
        return state.credentials();
    }

    @Override
    public StackStatus status() {
        return new StatusReader(ctx).read(state);
    }

    public StackState state() {
        return state;
    }

    public Path directory() {
        return state.directory();
    }

    /** Cuts with iptables rules when that is exact here, else by disabling the links' proxies (see {@link Partitions#cut}). */
    @Override
    public Partition partition(List<Partition.SitePair> pairs, Partition.Mode mode) {
        return new Partitions(ctx).cut(pairs, mode);
    }

    /** Cuts the pairs with iptables rules if that is exact here; otherwise cuts nothing and says why (see {@link Partitions#cutIfExact}). */
    @Override
    public Partition partitionIfExact(List<Partition.SitePair> pairs, Partition.Mode mode) {
        return new Partitions(ctx).cutIfExact(pairs, mode);
    }

    @Override
    public void heal(Partition partition) {
        new Partitions(ctx).heal(partition);
    }

    /** Heals every partition of this stack, including those made by another process. */
    @Override
    public void healPartitions() {
        new Partitions(ctx).healAll();
    }

    /** Turns Patroni's maintenance mode on or off (runbook drills pause it; their runbook may resume it). */
    @Override
    public void maintenanceMode(boolean paused) {
        List<String> rest = state.startedNodes().stream().filter(n -> n.kind() == NodeKind.POSTGRES)
                .map(n -> n.endpoint("patroni")).toList();
        String leader = PatroniCluster.leader(rest).map(PatroniMember::name).orElseThrow(() ->
                new IllegalStateException("no Patroni leader answers in stack " + state.id() + " (asked " + rest + ")"));
        MaintenanceMode.set(ctx, state.layout().node(leader), paused);
    }

    /** The partition rules now active (empty when every partition is healed). */
    public List<String> partitionRules() {
        return Partitions.activeRules(state.id());
    }

    @Override
    public int activePartitionRules() {
        return partitionRules().size();
    }

    /** Removes partition rules, stops every process by PID; removes the run directory unless {@code keep}. */
    @Override
    public List<StillRunning> down(boolean keep) {
        return stopAll(keep).stream().map(p -> new StillRunning(p.node(), "PID " + p.pid())).toList();
    }

    /** As {@link #down}, returning the processes left alive. */
    public List<NodeProcess> stopAll(boolean keep) {
        Partitions.cleanup(state.id());
        List<NodeProcess> survivors = Teardown.stopAll(ctx, state, keep);
        StateFile.clearCurrent(state.options().runRoot(), state.directory());
        if (!keep && survivors.isEmpty()) {
            Teardown.removeDirectory(state.directory());
        }
        return survivors;
    }

    @Override
    public void close() {
        if (owned) {
            down(false);
        }
    }

    /**
     * Readies node control before a drill's faults (see {@link NodeControl#prepare}) and lists every node's processes
     * once, so that a fault's first listing runs code already loaded, not classes read from the jar on a loaded machine.
     */
    @Override
    public void prepareNodeControl() {
        NodeControl.prepare();
        NodeControl control = control();
        state.processes().forEach((name, recorded) -> control.processes(state.layout().node(name), recorded));
    }

    @Override
    public StackRef ref() {
        return LocalStackProvider.refOf(state.directory());
    }

    @Override
    public String id() {
        return state.id();
    }

    @Override
    public StackLayout layout() {
        return state.layout();
    }

    @Override
    public List<Node> nodes() {
        return state.startedNodes();
    }

    @Override
    public DbVariant variant() {
        return state.options().variant();
    }

    @Override
    public EffectiveAt kill(String node) {
        return node(node).kill();
    }

    @Override
    public EffectiveAt killOnly(String node, DatabaseProcess process) {
        return node(node).killOnly(process);
    }

    @Override
    public EffectiveAt stop(String node) {
        return node(node).stop();
    }

    @Override
    public EffectiveAt start(String node) {
        return node(node).start();
    }

    @Override
    public EffectiveAt pause(String node) {
        return node(node).pause();
    }

    @Override
    public EffectiveAt resume(String node) {
        return node(node).resume();
    }

    @Override
    public EffectiveAt restart(String node) {
        return node(node).restart();
    }

    @Override
    public EffectiveAt powerLoss(String site) {
        return site(site).powerLoss();
    }

    @Override
    public boolean alive(String node) {
        return node(node).alive();
    }

    @Override
    public ControlChannel controlChannel() {
        return new ControlChannel("the stack's control channel (its state file)", state.directory().resolve(StateFile.NAME).toString());
    }

    @Override
    public void checkControl() {
        StateFile.read(state.directory());
    }

    @Override
    public int collectLogs(Path runFolder) {
        return StackLogs.copy(state, runFolder.resolve("stack-logs"));
    }

    NodeControl control() {
        return new NodeControl(ctx);
    }

    NodeControl.Target target(String node) {
        return new NodeControl.Target(state.layout().node(node), state.process(node).orElseThrow());
    }

    /** Starts a node again and records its new process in the state file. */
    synchronized void relaunch(Node node) {
        LocalStackLauncher launcher = new LocalStackLauncher(ctx, state);
        try {
            launcher.restart(node);
        } finally {
            // Also when the node never became ready: its new process is recorded, so down stops it.
            state = launcher.state();
        }
    }

    private Node firstOf(NodeKind kind) {
        return state.startedNodes().stream().filter(n -> n.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("stack " + state.id() + " runs no " + kind.id() + " node"));
    }
}
