package casedrill.stack.remote;

import casedrill.environment.ActionCommand;

import casedrill.environment.ControlAction;
import casedrill.environment.DatabaseAccess;
import casedrill.environment.Environment;
import casedrill.environment.EnvironmentNode;
import casedrill.environment.LinkProxy;
import casedrill.stack.ControlChannel;
import casedrill.stack.Credentials;
import casedrill.stack.DatabaseProcess;
import casedrill.stack.EffectiveAt;
import casedrill.stack.HostPort;
import casedrill.stack.Partition;
import casedrill.stack.ProxyAddress;
import casedrill.stack.RunningStack;
import casedrill.stack.StackLayout;
import casedrill.stack.StackRef;
import casedrill.stack.StackStatus;
import casedrill.stack.StillRunning;
import casedrill.topology.DbVariant;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deployment described by an environment file, attached to and never owned: {@link #close} does nothing and
 * nothing here starts or stops the deployment as a whole. Node control runs the environment's command for the
 * action (over SSH with verified host keys, or a local template); anything the environment cannot express is
 * refused with the action and the reason, before anything is sent.
 */
public final class RemoteStack implements RunningStack {
    /** Patroni's default loop_wait is 10 s; a member acts on the flag within one loop of its last one. */
    private static final Duration PAUSE_CONFIRM = Duration.ofSeconds(30);
    private final Environment env;
    private final StackLayout layout;
    private final ProxyPartitions partitions;
    private final TemplatePartitions templates;
    private final Set<LinkProxy> cut = new LinkedHashSet<>();
    /** Pairs this handle cut through the environment's templates, for {@link #healPartitions}. */
    private final Set<Partition.SitePair> templated = new LinkedHashSet<>();

    public RemoteStack(Environment env) {
        this.env = env;
        this.layout = layoutOf(env);
        this.partitions = new ProxyPartitions(env);
        this.templates = new TemplatePartitions(env);
    }

    /** The topology's nodes at the environment's hosts and endpoints (topology ports where it gives none). */
    private static StackLayout layoutOf(Environment env) {
        List<Node> nodes = new ArrayList<>();
        for (Node node : env.topology().nodes().values()) {
            EnvironmentNode placed = env.nodes().get(node.name());
            if (placed == null) {
                continue;
            }
            Map<String, Integer> ports = new LinkedHashMap<>(node.ports());
            ports.putAll(placed.endpoints());
            nodes.add(new Node(node.name(), node.kind(), node.site(), placed.host(), ports));
        }
        return new StackLayout(env.topology().name(), nodes, List.copyOf(env.topology().links().values()), env.topology().patroni());
    }

    public Environment environment() {
        return env;
    }

    @Override
    public StackRef ref() {
        return new StackRef(RemoteStackProvider.NAME, env.source().toAbsolutePath().toString());
    }

    @Override
    public String id() {
        return env.name();
    }

    @Override
    public StackLayout layout() {
        return layout;
    }

    @Override
    public List<Node> nodes() {
        return layout.nodes();
    }

    /** Read from the deployment's Patroni: the harness did not choose it (see {@link RemoteVariant}). */
    @Override
    public DbVariant variant() {
        return RemoteVariant.read(layout, Duration.ofSeconds(2));
    }

    @Override
    public Map<String, Duration> startPhases() {
        return Map.of();
    }

    @Override
    public void prepareNodeControl() {
        // Nothing to warm: each action opens its own SSH connection (ControlMaster would be an operator's choice).
    }

    @Override
    public EffectiveAt kill(String node) {
        return act(node, ControlAction.KILL);
    }

    /**
     * The environment's kill-patroni or kill-postgres command for the node; refused before anything is sent on a node
     * that is not a postgres node, or when the environment writes no such command (there is no systemd default: see
     * {@link ControlAction#forUnit}).
     */
    @Override
    public EffectiveAt killOnly(String node, DatabaseProcess process) {
        if (layout.node(node).kind() != NodeKind.POSTGRES) {
            throw new IllegalArgumentException("node " + node + " is a " + layout.node(node).kind().id()
                    + ", not a postgres node: only postgres nodes run Patroni and PostgreSQL as separate processes");
        }
        return act(node, oneProcessKill(process));
    }

    static ControlAction oneProcessKill(DatabaseProcess process) {
        return switch (process) {
            case PATRONI -> ControlAction.KILL_PATRONI;
            case POSTGRES -> ControlAction.KILL_POSTGRES;
        };
    }

    @Override
    public EffectiveAt stop(String node) {
        return act(node, ControlAction.STOP);
    }

    @Override
    public EffectiveAt start(String node) {
        return act(node, ControlAction.START);
    }

    @Override
    public EffectiveAt pause(String node) {
        return act(node, ControlAction.PAUSE);
    }

    @Override
    public EffectiveAt resume(String node) {
        return act(node, ControlAction.RESUME);
    }

    @Override
    public EffectiveAt restart(String node) {
        return act(node, ControlAction.RESTART);
    }

    /**
     * Kills every node of the site, one SSH connection each; the instant is the first command sent. Not simultaneous
     * to the millisecond like the local provider's signals: the spread is the SSH set-up time per node.
     */
    @Override
    public EffectiveAt powerLoss(String site) {
        List<Node> ofSite = layout.nodes().stream().filter(n -> n.site().equals(site)).toList();
        if (ofSite.isEmpty()) {
            throw new IllegalArgumentException("unknown site '" + site + "' in environment " + env.name() + " (sites: " + layout.sites() + ")");
        }
        ofSite.forEach(n -> commandFor(n.name(), ControlAction.KILL));
        EffectiveAt first = null;
        for (Node n : ofSite) {
            first = act(n.name(), ControlAction.KILL).earliest(first);
        }
        return first;
    }

    @Override
    public boolean alive(String node) {
        EnvironmentNode placed = env.node(node);
        ActionCommand line = commandFor(node, ControlAction.ALIVE);
        try {
            RemoteCommands.run("is " + node + " alive", line, placed.control().timeout());
            return true;
        } catch (IllegalStateException e) {
            if (e.getMessage().contains("(exit 255)")) {
                throw e; // ssh itself failed: the answer is unknown, not "dead"
            }
            return false;
        }
    }

    private EffectiveAt act(String node, ControlAction action) {
        EnvironmentNode placed = env.node(node);
        ActionCommand line = commandFor(node, action);
        return RemoteCommands.run(action.key() + " " + node, line, placed.control().timeout()).sentAt();
    }

    /** The command, or the refusal naming the action, before anything is sent. */
    ActionCommand commandFor(String node, ControlAction action) {
        return ActionCommand.of(env.node(node), action).orElseThrow(() -> unsupported(action.key() + " " + node,
                "environment " + env.name() + " gives no command for it (" + (action.forUnit("unit").isPresent()
                        ? "set a systemd unit or control commands." + action.key() : "write control commands." + action.key()
                        + "; a systemd unit gives none") + ")"));
    }

    /**
     * Exact through the environment's partition templates when one side of every pair has one; otherwise disables the
     * crossing links' proxies, sparing those that also carry a third site (then not exact).
     */
    @Override
    public Partition partition(List<Partition.SitePair> pairs, Partition.Mode mode) {
        if (templates.cover(pairs)) {
            EffectiveAt first = templates.cut(pairs, mode);
            templated.addAll(pairs);
            return new Partition(pairs, mode, true, templates.describe(pairs), first);
        }
        List<LinkProxy> links = partitions.cuttable(pairs);
        Set<String> third = partitions.thirdSites(pairs);
        EffectiveAt first = partitions.disable(links);
        cut.addAll(links);
        return new Partition(pairs, mode, third.isEmpty(), describe(links, spared(pairs, links), third), first);
    }

    private List<LinkProxy> spared(List<Partition.SitePair> pairs, List<LinkProxy> cutLinks) {
        return partitions.crossing(pairs).stream().filter(l -> !cutLinks.contains(l)).toList();
    }

    /** Cuts nothing when a crossing proxy also carries a third site's traffic: that cut would not be exact. */
    @Override
    public Partition partitionIfExact(List<Partition.SitePair> pairs, Partition.Mode mode) {
        Set<String> third = partitions.thirdSites(pairs);
        if (!third.isEmpty() && !templates.cover(pairs)) {
            return new Partition(pairs, mode, false, "not exact: proxies " + partitions.crossing(pairs).stream().map(LinkProxy::proxy).toList()
                    + " cross the cut, and some also carry site(s) " + third + "; nothing was disabled");
        }
        return partition(pairs, mode);
    }

    private static String describe(List<LinkProxy> links, List<LinkProxy> spared, Set<String> third) {
        String proxies = "disabled Toxiproxy proxies " + links.stream().map(LinkProxy::proxy).toList();
        return third.isEmpty() ? proxies : "approximate: " + proxies + "; spared " + spared.stream().map(LinkProxy::proxy).toList()
                + ", which also carry site(s) " + third;
    }

    @Override
    public void heal(Partition partition) {
        if (templates.cover(partition.sides())) {
            templates.heal(partition.sides());
            templated.removeAll(partition.sides());
            return;
        }
        List<LinkProxy> links = partitions.cuttable(partition.sides());
        partitions.enable(links);
        cut.removeAll(links);
    }

    /** Enables every proxy this stack disabled; a new attach (recover) relies on the lease's disabled proxies instead. */
    @Override
    public void healPartitions() {
        List<Partition.SitePair> pairs = List.copyOf(templated);
        templated.clear();
        partitions.enable(List.copyOf(cut));
        cut.clear();
        templates.heal(pairs);
    }

    @Override
    public int activePartitionRules() {
        return cut.size() + templated.size();
    }

    /** The one Toxiproxy server carrying every link; an environment with several servers has no single answer. */
    @Override
    public HostPort toxiproxyApi() {
        List<String> servers = env.links().values().stream().map(l -> l.toxiproxyUrl()).distinct().toList();
        if (servers.size() != 1) {
            throw unsupported("one Toxiproxy API for every link", "environment " + env.name() + " names " + servers.size()
                    + " Toxiproxy servers, and link faults through several servers are not built yet");
        }
        URI uri = URI.create(servers.get(0));
        return new HostPort(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 8474);
    }

    /** The server and proxy name the environment gives the link. */
    @Override
    public ProxyAddress proxyOf(String link) {
        LinkProxy proxy = env.links().get(link);
        if (proxy == null) {
            throw new IllegalArgumentException("environment " + env.name() + " names no proxy for link '" + link + "'");
        }
        URI uri = URI.create(proxy.toxiproxyUrl());
        return new ProxyAddress(new HostPort(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 8474), proxy.proxy());
    }

    @Override
    public URI edgeUrl() {
        return URI.create(env.edge());
    }

    /**
     * Through Patroni's REST API, not node control: no command is needed. Returns once every answering member reports
     * the flag (see {@link PatroniPause}); Patroni's loop_wait bounds how long that takes.
     */
    @Override
    public void maintenanceMode(boolean paused) {
        List<Node> members = layout.nodesOf(NodeKind.POSTGRES).stream().filter(n -> n.ports().containsKey("patroni")).toList();
        new PatroniPause(members, Duration.ofSeconds(5), PAUSE_CONFIRM).set(paused);
    }

    @Override
    public StackStatus status() {
        return new RemoteStatus(Duration.ofSeconds(2)).read(env.name(), env.source().toString(), layout);
    }

    @Override
    public ControlChannel controlChannel() {
        return new ControlChannel("the environment file naming every host and command", env.source().toString());
    }

    @Override
    public void checkControl() {
        if (!java.nio.file.Files.isReadable(env.source())) {
            throw new IllegalStateException("environment file " + env.source() + " is no longer readable");
        }
    }

    @Override
    public int collectLogs(Path runFolder) {
        return 0; // the deployment's logs stay where its operators keep them; copying them is not the harness's job here
    }

    @Override
    public String dbUrlFor(String node) {
        Node n = layout.node(node);
        String port = n.ports().containsKey("postgres") ? "postgres" : "primary";
        String database = env.database().map(DatabaseAccess::database).orElseThrow(() -> unsupported("database access",
                "environment " + env.name() + " has no database: section"));
        return "jdbc:postgresql://" + n.endpoint(port) + "/" + database;
    }

    /**
     * The application's database user and password and the API tokens, read from the variables the environment
     * names (tokens empty when it names none). The harness has no superuser or replication secrets of a remote
     * deployment; those fields are empty.
     */
    @Override
    public Credentials credentials() {
        DatabaseAccess db = env.database().orElseThrow(() -> unsupported("database credentials",
                "environment " + env.name() + " has no database: section"));
        String user = DatabaseAccess.read(db.userEnv(), "database credentials");
        String password = DatabaseAccess.read(db.passwordEnv(), "database credentials");
        return env.apiTokens().map(t -> new Credentials("", "", db.database(), user, password,
                        DatabaseAccess.read(t.clientEnv(), "API tokens"), DatabaseAccess.read(t.officerEnv(), "API tokens"),
                        DatabaseAccess.read(t.partnerEnv(), "API tokens")))
                .orElse(new Credentials("", "", db.database(), user, password, "", "", ""));
    }

    @Override
    public List<StillRunning> down(boolean keep) {
        throw unsupported("take the stack down", "the remote provider only attaches; the deployment belongs to its operators");
    }

    @Override
    public void close() {
        // Attached, never owned: closing leaves the deployment exactly as it is.
    }

    private static UnsupportedOperationException unsupported(String action, String why) {
        return new UnsupportedOperationException("remote provider cannot " + action + ": " + why);
    }
}
