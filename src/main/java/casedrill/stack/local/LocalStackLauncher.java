package casedrill.stack.local;

import casedrill.stack.recipe.LaunchSpec;
import casedrill.stack.recipe.MaintenanceMode;
import casedrill.stack.recipe.NodeConfigs;
import casedrill.stack.recipe.NodeRecipe;
import casedrill.stack.recipe.PatroniCluster;
import casedrill.stack.recipe.Probes;
import casedrill.stack.recipe.ReadinessWait;
import casedrill.stack.recipe.RecipeContext;
import casedrill.stack.recipe.Recipes;
import casedrill.stack.recipe.ToxiproxyRecipe;
import casedrill.topology.NodeKind;
import casedrill.topology.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Brings a stack up tier by tier, recording every process in the state file as soon as it starts:
 * Toxiproxy and its link proxies (etcd peers need them), etcd, the bootstrap leader, the other
 * databases as synchronous standbys, the db-routers, then app nodes and the gslb.
 */
public final class LocalStackLauncher {
    private final RecipeContext ctx;
    private final Recipes recipes;
    private final DetachedLauncher launcher;
    private final Map<String, Process> handles = new LinkedHashMap<>();
    private final Map<String, java.time.Duration> phaseTimes = new LinkedHashMap<>();
    private StackState state;

    public LocalStackLauncher(RecipeContext ctx, StackState initial) {
        this.ctx = ctx;
        this.recipes = new Recipes(ctx);
        this.launcher = new DetachedLauncher(ctx::userOf);
        this.state = initial;
    }

    /** The nodes a stack with these options runs, in start order. */
    public static List<Node> plan(RecipeContext ctx) {
        return ctx.layout().nodes().stream()
                .filter(n -> n.kind() != NodeKind.TOXIPROXY || !ctx.options().linksDirect())
                .filter(n -> !ctx.options().dbTierOnly() || (n.kind() != NodeKind.APP && n.kind() != NodeKind.GSLB))
                .sorted(java.util.Comparator.comparingInt(n -> n.kind().startTier()))
                .toList();
    }

    /** Targets grouped by start tier, in start order. */
    static List<List<NodeControl.Target>> tiersOf(List<NodeControl.Target> targets) {
        java.util.TreeMap<Integer, List<NodeControl.Target>> tiers = new java.util.TreeMap<>();
        targets.forEach(t -> tiers.computeIfAbsent(t.node().kind().startTier(), k -> new java.util.ArrayList<>()).add(t));
        return new java.util.ArrayList<>(tiers.values());
    }


    /** Starts every planned node; on failure the caller tears down what {@link #state()} records. */
    public StackState up() {
        List<Node> plan = plan(ctx);
        Preflight.check(ctx, plan);
        long mark = System.nanoTime();
        for (Node proxy : of(plan, NodeKind.TOXIPROXY)) {
            startAndAwait(List.of(proxy));
            ((ToxiproxyRecipe) recipes.of(NodeKind.TOXIPROXY)).createProxies(proxy);
        }
        mark = phase("toxiproxy", NodeKind.TOXIPROXY, plan, mark);
        startAndAwait(of(plan, NodeKind.ETCD));
        mark = phase("etcd", NodeKind.ETCD, plan, mark);
        List<Node> databases = of(plan, NodeKind.POSTGRES);
        List<Node> standbys = databases.isEmpty() ? List.of() : databases.subList(1, databases.size());
        if (!databases.isEmpty()) {
            Node leader = databases.get(0);
            startAndAwait(List.of(leader));
            awaitRole(leader, "/primary", "bootstrap leader");
            NodeConfigs.createAppDatabase(ctx, leader);
            mark = phase("leader", NodeKind.POSTGRES, plan, mark);
        }
        // The standbys clone while the routers and app nodes start: app start-up is the long pole
        // and needs only the leader.
        standbys.forEach(this::start);
        startAndAwait(of(plan, NodeKind.DB_ROUTER));
        mark = phase("db-routers", NodeKind.DB_ROUTER, plan, mark);
        of(plan, NodeKind.APP).forEach(this::start);
        awaitReady(standbys);
        for (Node standby : standbys) {
            awaitRole(standby, "/replica", "streaming replica");
        }
        if (ctx.synchronousReplication() && !standbys.isEmpty()) {
            awaitSynchronousStandby(databases.get(0));
        }
        if (ctx.options().variant().paused() && !databases.isEmpty()) {
            MaintenanceMode.pause(ctx, databases.get(0));
        }
        mark = phase("standbys", NodeKind.POSTGRES, plan, mark);
        awaitReady(of(plan, NodeKind.APP));
        mark = phase("apps", NodeKind.APP, plan, mark);
        startAndAwait(of(plan, NodeKind.GSLB));
        phase("gslb", NodeKind.GSLB, plan, mark);
        return state;
    }

    /** How long each start phase took, in order (for the start report and BENCHMARKS.md). */
    public Map<String, java.time.Duration> phaseTimes() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(phaseTimes));
    }

    /** Records a phase's time if the plan had nodes of its kind; returns the new mark. */
    private long phase(String name, NodeKind kind, List<Node> plan, long since) {
        long now = System.nanoTime();
        if (!of(plan, kind).isEmpty()) {
            phaseTimes.put(name, java.time.Duration.ofNanos(now - since));
        }
        return now;
    }

    public StackState state() {
        return state;
    }

    /** Starts one node again (after stop or crash) and waits until it is ready; returns its new record. */
    public NodeProcess restart(Node node) {
        start(node);
        NodeRecipe recipe = recipes.of(node.kind());
        ReadinessWait.await(node.name(), ctx.log(node.name()), handles.get(node.name()), ctx.options().readyTimeout(),
                () -> recipe.readiness(node));
        if (node.kind() == NodeKind.TOXIPROXY) {
            ((ToxiproxyRecipe) recipe).createProxies(node);
        }
        return state.process(node.name()).orElseThrow();
    }

    private void startAndAwait(List<Node> nodes) {
        nodes.forEach(this::start);
        awaitReady(nodes);
    }

    private void awaitReady(List<Node> nodes) {
        for (Node node : nodes) {
            NodeRecipe recipe = recipes.of(node.kind());
            ReadinessWait.await(node.name(), ctx.log(node.name()), handles.get(node.name()), ctx.options().readyTimeout(),
                    () -> recipe.readiness(node));
        }
    }

    private void start(Node node) {
        LaunchSpec spec = recipes.of(node.kind()).prepare(node);
        DetachedLauncher.Started started = launcher.start(spec);
        handles.put(node.name(), started.handle());
        state = state.with(new NodeProcess(node.name(), started.identity().pid(), started.identity().startTime(),
                started.user(), spec.log().toString()));
        StateFile.write(state);
    }

    private void awaitRole(Node node, String check, String role) {
        String url = "http://" + node.endpoint("patroni") + check;
        await(node, () -> {
            int status = Probes.httpStatus(url);
            return status == 200 ? NodeRecipe.Readiness.yes(role)
                    : NodeRecipe.Readiness.no("not yet " + role + ": GET " + check + " answered " + status);
        });
    }

    private void awaitSynchronousStandby(Node leader) {
        await(leader, () -> PatroniCluster.members(List.of(leader.endpoint("patroni"))).stream()
                // Patroni 3.0.2 reports a replica's state as "running"; later versions say "streaming".
                .anyMatch(m -> m.role().equals("sync_standby") && (m.state().equals("streaming") || m.state().equals("running")))
                ? NodeRecipe.Readiness.yes("has a synchronous standby")
                : NodeRecipe.Readiness.no("no synchronous standby is streaming yet"));
    }

    private void await(Node node, Supplier<NodeRecipe.Readiness> check) {
        ReadinessWait.await(node.name(), ctx.log(node.name()), handles.get(node.name()), ctx.options().readyTimeout(), check);
    }

    private static List<Node> of(List<Node> plan, NodeKind kind) {
        return plan.stream().filter(n -> n.kind() == kind).toList();
    }
}
