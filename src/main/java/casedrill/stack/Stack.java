package casedrill.stack;

import casedrill.topology.NodeKind;
import casedrill.topology.Node;
import casedrill.stack.local.LocalContext;
import casedrill.stack.local.LocalStackLauncher;
import casedrill.stack.local.MaintenanceMode;
import casedrill.stack.local.PatroniCluster;
import casedrill.stack.local.NodeControl;
import casedrill.stack.local.Partitions;
import casedrill.stack.local.RunUser;
import casedrill.stack.local.StatusReader;
import casedrill.stack.local.Teardown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A running local stack. {@link #up} starts one (and {@link #close} takes it down: the stack it
 * started belongs to it); {@link #attach} finds one started earlier, by another process too (and
 * {@link #close} leaves it running). Every process is detached and recorded in the state file.
 */
public final class Stack implements AutoCloseable {
    private final LocalContext ctx;
    private final boolean owned;
    private final Map<String, Duration> startPhases;
    private volatile StackState state;

    private Stack(LocalContext ctx, StackState state, boolean owned, Map<String, Duration> startPhases) {
        this.ctx = ctx;
        this.state = state;
        this.owned = owned;
        this.startPhases = startPhases;
    }

    /** Brings a stack up; on failure stops what it started, keeps the run directory (logs) if anything ran, and throws. */
    public static Stack up(StackLayout layout, StackOptions options) {
        String id = layout.topology() + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(Instant.now()) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        Path dir = createRunDirectory(options.runRoot(), id);
        LocalContext ctx = new LocalContext(id, dir, layout, options, Credentials.generate(), RunUser.forStack());
        StackState initial = new StackState(id, dir.toString(), Instant.now(), options, layout, ctx.credentials(), Map.of());
        StateFile.write(initial);
        StateFile.pointCurrentAt(options.runRoot(), dir);
        LocalStackLauncher launcher = new LocalStackLauncher(ctx, initial);
        // Ctrl-C or SIGTERM while starting: nobody holds a Stack yet, so this hook stops what was started.
        Thread interrupted = new Thread(() -> abandon(ctx, launcher, options, dir), "stack-up-interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            StackState running = launcher.up();
            return new Stack(ctx, running, true, launcher.phaseTimes());
        } catch (RuntimeException e) {
            abandon(ctx, launcher, options, dir);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops what was started
            }
        }
    }

    private static void abandon(LocalContext ctx, LocalStackLauncher launcher, StackOptions options, Path dir) {
        Partitions.cleanup(ctx.id());
        Teardown.stopAll(ctx, launcher.state(), false);
        StateFile.clearCurrent(options.runRoot(), dir);
        if (launcher.state().processes().isEmpty()) {
            Teardown.removeDirectory(dir);
        }
    }

    /** Attaches to the stack whose run directory is {@code dir}. */
    public static Stack attach(Path dir) {
        StackState state = StateFile.read(dir);
        LocalContext ctx = new LocalContext(state.id(), state.directory(), state.layout(), state.options(),
                state.credentials(), RunUser.forStack());
        return new Stack(ctx, state, false, Map.of());
    }

    /** Attaches to the stack {@code <runRoot>/current} points at. */
    public static Stack attachCurrent(Path runRoot) {
        return attach(StateFile.current(runRoot).orElseThrow(() -> new IllegalArgumentException(
                "no current stack: " + runRoot.resolve(StateFile.CURRENT) + " does not point at a running stack")));
    }

    public StackNode node(String name) {
        Node spec = state.layout().node(name);
        if (state.process(name).isEmpty()) {
            throw new IllegalArgumentException("node " + name + " is not running in stack " + state.id()
                    + " (running: " + state.processes().keySet() + ")");
        }
        return new StackNode(this, spec);
    }

    public StackSite site(String name) {
        List<Node> nodes = state.startedNodes().stream().filter(n -> n.site().equals(name)).toList();
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("unknown site '" + name + "' in stack " + state.id()
                    + " (known: " + state.layout().sites() + ")");
        }
        return new StackSite(this, name, nodes);
    }

    /** {@code host:port} of the Toxiproxy API. */
    public String toxiproxyApi() {
        return firstOf(NodeKind.TOXIPROXY).endpoint("api");
    }

    /** Base URL of the edge (the gslb). */
    public String edgeUrl() {
        return "http://" + firstOf(NodeKind.GSLB).endpoint("http");
    }

    /** JDBC URL straight to one database node's PostgreSQL (for reconciliation), or to a db-router's primary port. */
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
    public Map<String, Duration> startPhases() {
        return startPhases;
    }

    public Credentials credentials() {
        return state.credentials();
    }

    public StackStatus status() {
        return new StatusReader(ctx).read(state);
    }

    public StackState state() {
        return state;
    }

    public Path directory() {
        return state.directory();
    }

    /** Cuts sites {@code a} and {@code b} apart in both directions (wan(a,b)); every other pair keeps talking. */
    public Partition partition(String a, String b, Partition.Mode mode) {
        return new Partitions(ctx).cut(List.of(new Partition.SitePair(a, b)), mode);
    }

    /** Cuts {@code site} from every other site (site-links(site)). */
    public Partition isolate(String site, Partition.Mode mode) {
        List<Partition.SitePair> pairs = state.layout().sites().stream().filter(s -> !s.equals(site))
                .map(s -> new Partition.SitePair(site, s)).toList();
        if (pairs.size() == state.layout().sites().size()) {
            throw new IllegalArgumentException("unknown site '" + site + "' in stack " + state.id()
                    + " (known: " + state.layout().sites() + ")");
        }
        return new Partitions(ctx).cut(pairs, mode);
    }

    /** Cuts the pairs with iptables rules if that is exact here; otherwise cuts nothing and says why (see {@link Partitions#cutIfExact}). */
    public Partition partitionIfExact(List<Partition.SitePair> pairs, Partition.Mode mode) {
        return new Partitions(ctx).cutIfExact(pairs, mode);
    }

    public void heal(Partition partition) {
        new Partitions(ctx).heal(partition);
    }

    /** Heals every partition of this stack, including those made by another process. */
    public void healPartitions() {
        new Partitions(ctx).healAll();
    }

    /** Turns Patroni's maintenance mode on or off (runbook drills pause it; their runbook may resume it). */
    public void maintenanceMode(boolean paused) {
        List<String> rest = state.startedNodes().stream().filter(n -> n.kind() == NodeKind.POSTGRES)
                .map(n -> n.endpoint("patroni")).toList();
        String leader = PatroniCluster.leader(rest).map(PatroniCluster.Member::name).orElseThrow(() ->
                new IllegalStateException("no Patroni leader answers in stack " + state.id() + " (asked " + rest + ")"));
        MaintenanceMode.set(ctx, state.layout().node(leader), paused);
    }

    /** The partition rules now active (empty when every partition is healed). */
    public List<String> partitionRules() {
        return Partitions.activeRules(state.id());
    }

    /** Removes partition rules, stops every process by PID; removes the run directory unless {@code keep}. Returns processes left alive. */
    public List<NodeProcess> down(boolean keep) {
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
    public void prepareNodeControl() {
        NodeControl.prepare();
        NodeControl control = control();
        state.processes().forEach((name, recorded) -> control.processes(state.layout().node(name), recorded));
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

    private static Path createRunDirectory(Path runRoot, String id) {
        try {
            Files.createDirectories(runRoot);
            Path dir = Files.createDirectory(runRoot.resolve(id));
            // The stack user must traverse into its nodes' folders; only they hold anything private.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create run directory under " + runRoot + ": " + e.getMessage(), e);
        }
    }
}
