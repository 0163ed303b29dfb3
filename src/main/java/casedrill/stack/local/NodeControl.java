package casedrill.stack.local;

import casedrill.stack.recipe.PatroniRecipe;
import casedrill.stack.recipe.RecipeContext;
import casedrill.topology.NodeKind;
import casedrill.stack.EffectiveAt;
import casedrill.topology.Node;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Signals for node faults, always by recorded PID and start time. A "postgres" node is Patroni plus
 * its PostgreSQL, whose backends call setsid(): its processes are found by parentage, and the
 * postmaster also from postmaster.pid.
 */
public final class NodeControl {
    private final RecipeContext ctx;

    public NodeControl(RecipeContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Starts what sending a signal needs (the signalling shell) and reads /proc once, so that forking a shell from a
     * busy JVM and loading those classes happen before a drill's first fault, not between its request and its signal.
     */
    public static void prepare() {
        readySignals();
        ProcessTable.read();
    }

    private static void readySignals() {
        try {
            Signals.ready();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the shell that sends signals: " + e.getMessage(), e);
        }
    }

    /** Every live process of the node: its main process's tree and, for postgres, the postmaster's tree. */
    public List<LocalProcess> processes(Node node, NodeProcess recorded) {
        return processes(node, recorded, ProcessTable.read());
    }

    private List<LocalProcess> processes(Node node, NodeProcess recorded, ProcessTable table) {
        Set<LocalProcess> all = new LinkedHashSet<>(table.tree(recorded.process()));
        if (node.kind() == NodeKind.POSTGRES) {
            postmaster(node).ifPresent(pm -> all.addAll(table.tree(pm)));
        }
        return new ArrayList<>(all);
    }

    /**
     * Hard crash of a set of nodes at one instant: freeze everything, then SIGKILL everything. Every process is
     * listed (and every start time checked) before the first signal; returns the instant the first SIGSTOP was sent.
     */
    public EffectiveAt crash(Collection<Target> targets) {
        List<LocalProcess> first = collect(targets);
        EffectiveAt at = signal(first, Signal.STOP);
        // Children forked between listing and freezing are caught by listing again while frozen.
        Set<LocalProcess> all = new LinkedHashSet<>(first);
        all.addAll(collect(targets));
        Signals.sendAll(pids(all), Signal.KILL);
        awaitGone(all, Duration.ofSeconds(10));
        return at;
    }

    /** Graceful stop: SIGTERM to the main processes, SIGKILL to whatever remains after {@code grace}; returns when SIGTERM was sent. */
    public EffectiveAt stop(Collection<Target> targets, Duration grace) {
        List<LocalProcess> mains = targets.stream().map(t -> t.recorded().process()).filter(LocalProcess::alive).toList();
        // A paused process cannot act on SIGTERM.
        Signals.sendAll(pids(collect(targets)), Signal.CONT);
        EffectiveAt at = signal(mains, Signal.TERM);
        if (!awaitGone(mains, grace)) {
            crash(targets);
        }
        List<LocalProcess> leftovers = collect(targets);
        if (!leftovers.isEmpty()) {
            Signals.sendAll(pids(leftovers), Signal.KILL);
            awaitGone(leftovers, Duration.ofSeconds(10));
        }
        return at;
    }

    /**
     * SIGKILL of a postgres node's Patroni alone: its PostgreSQL keeps running, orphaned, still a
     * primary if it was one (known failure mode 2). Returns the instant SIGKILL was sent.
     */
    public EffectiveAt crashPatroni(Target target) {
        requirePostgresNode(target);
        LocalProcess patroni = target.recorded().process();
        if (!patroni.alive()) {
            throw new IllegalStateException("Patroni of " + target.node().name() + " (PID " + patroni.pid() + ") is not running");
        }
        EffectiveAt at = signal(List.of(patroni), Signal.KILL);
        awaitGone(List.of(patroni), Duration.ofSeconds(10));
        return at;
    }

    /**
     * Crash of a postgres node's PostgreSQL server while its Patroni lives on (Patroni restarts it):
     * the postmaster and every backend frozen, then SIGKILLed, as a killed server dies. Killing the
     * postmaster alone would leave backends attached to its shared memory, delaying the restart by
     * however long they take to notice. Returns the instant the first SIGSTOP was sent.
     */
    public EffectiveAt crashPostgres(Target target) {
        requirePostgresNode(target);
        LocalProcess postmaster = postmaster(target.node()).orElseThrow(() -> new IllegalStateException(
                "PostgreSQL of " + target.node().name() + " is not running (no live postmaster in "
                        + PatroniRecipe.postmasterPidFile(ctx, target.node().name()) + ")"));
        List<LocalProcess> server = postmaster.tree();
        EffectiveAt at = signal(server, Signal.STOP);
        Set<LocalProcess> all = new LinkedHashSet<>(server);
        all.addAll(postmaster.tree());
        Signals.sendAll(pids(all), Signal.KILL);
        awaitGone(all, Duration.ofSeconds(10));
        return at;
    }

    /** The running postmaster of a postgres node, verified against its pid file (never a reused PID). */
    public Optional<LocalProcess> postmasterOf(Node node) {
        return node.kind() == NodeKind.POSTGRES ? postmaster(node) : Optional.empty();
    }

    private static void requirePostgresNode(Target target) {
        if (target.node().kind() != NodeKind.POSTGRES) {
            throw new IllegalArgumentException("node " + target.node().name() + " is a " + target.node().kind().id()
                    + ", not a postgres node: only postgres nodes run Patroni and PostgreSQL as separate processes");
        }
    }

    /** SIGSTOP of every process of the targets; returns the instant it was sent. */
    public EffectiveAt pause(Collection<Target> targets) {
        return signal(collect(targets), Signal.STOP);
    }

    /** SIGCONT of every process of the targets, read back (none left stopped); returns the instant it was sent. */
    public EffectiveAt resume(Collection<Target> targets) {
        EffectiveAt at = signal(collect(targets), Signal.CONT);
        List<Long> stillStopped = pids(collect(targets).stream().filter(LocalProcess::stopped).toList());
        if (!stillStopped.isEmpty()) {
            throw new IllegalStateException("processes " + stillStopped + " are still stopped after SIGCONT");
        }
        return at;
    }

    /** Sends one signal to processes listed beforehand; the instant is taken just before it goes out. */
    private static EffectiveAt signal(Collection<LocalProcess> processes, Signal signal) {
        readySignals();
        EffectiveAt at = EffectiveAt.now();
        Signals.sendAll(pids(processes), signal);
        return at;
    }

    /** Every process of the targets, from one reading of /proc. */
    private List<LocalProcess> collect(Collection<Target> targets) {
        ProcessTable table = ProcessTable.read();
        Set<LocalProcess> all = new LinkedHashSet<>();
        targets.forEach(t -> all.addAll(processes(t.node(), t.recorded(), table)));
        return new ArrayList<>(all);
    }

    private Optional<LocalProcess> postmaster(Node node) {
        return Postmaster.of(PatroniRecipe.postmasterPidFile(ctx, node.name()).getParent());
    }

    static boolean awaitGone(Collection<LocalProcess> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(LocalProcess::alive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static List<Long> pids(Collection<LocalProcess> processes) {
        return processes.stream().map(LocalProcess::pid).toList();
    }

    /** A node and the process recorded for it. */
    public record Target(Node node, NodeProcess recorded) {
    }
}
