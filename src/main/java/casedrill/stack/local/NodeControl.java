package casedrill.stack.local;

import casedrill.topology.NodeKind;
import casedrill.stack.NodeProcess;
import casedrill.topology.Node;
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
    private final LocalContext ctx;

    public NodeControl(LocalContext ctx) {
        this.ctx = ctx;
    }

    /** Every live process of the node: its main process's tree and, for postgres, the postmaster's tree. */
    public List<LocalProcess> processes(Node node, NodeProcess recorded) {
        Set<LocalProcess> all = new LinkedHashSet<>(recorded.process().tree());
        if (node.kind() == NodeKind.POSTGRES) {
            postmaster(node).ifPresent(pm -> all.addAll(pm.tree()));
        }
        return new ArrayList<>(all);
    }

    /** Hard crash of a set of nodes at one instant: freeze everything, then SIGKILL everything. */
    public void crash(Collection<Target> targets) {
        List<LocalProcess> first = collect(targets);
        Signals.sendAll(pids(first), Signal.STOP);
        // Children forked between listing and freezing are caught by listing again while frozen.
        Set<LocalProcess> all = new LinkedHashSet<>(first);
        all.addAll(collect(targets));
        Signals.sendAll(pids(all), Signal.KILL);
        awaitGone(all, Duration.ofSeconds(10));
    }

    /** Graceful stop: SIGTERM to the main processes, SIGKILL to whatever remains after {@code grace}. */
    public void stop(Collection<Target> targets, Duration grace) {
        List<LocalProcess> mains = targets.stream().map(t -> t.recorded().process()).filter(LocalProcess::alive).toList();
        // A paused process cannot act on SIGTERM.
        Signals.sendAll(pids(collect(targets)), Signal.CONT);
        Signals.sendAll(pids(mains), Signal.TERM);
        if (!awaitGone(mains, grace)) {
            crash(targets);
        }
        List<LocalProcess> leftovers = collect(targets);
        if (!leftovers.isEmpty()) {
            Signals.sendAll(pids(leftovers), Signal.KILL);
            awaitGone(leftovers, Duration.ofSeconds(10));
        }
    }

    /**
     * SIGKILL of a postgres node's Patroni alone: its PostgreSQL keeps running, orphaned, still a
     * primary if it was one (known failure mode 2). Returns the orphaned postmaster, if one runs.
     */
    public Optional<LocalProcess> crashPatroni(Target target) {
        requirePostgresNode(target);
        LocalProcess patroni = target.recorded().process();
        if (!patroni.signal(Signal.KILL)) {
            throw new IllegalStateException("Patroni of " + target.node().name() + " (PID " + patroni.pid() + ") is not running");
        }
        awaitGone(List.of(patroni), Duration.ofSeconds(10));
        return postmaster(target.node());
    }

    /**
     * Crash of a postgres node's PostgreSQL server while its Patroni lives on (Patroni restarts it):
     * the postmaster and every backend frozen, then SIGKILLed, as a killed server dies. Killing the
     * postmaster alone would leave backends attached to its shared memory, delaying the restart by
     * however long they take to notice.
     */
    public void crashPostgres(Target target) {
        requirePostgresNode(target);
        LocalProcess postmaster = postmaster(target.node()).orElseThrow(() -> new IllegalStateException(
                "PostgreSQL of " + target.node().name() + " is not running (no live postmaster in "
                        + PatroniRecipe.postmasterPidFile(ctx, target.node().name()) + ")"));
        List<LocalProcess> server = postmaster.tree();
        Signals.sendAll(pids(server), Signal.STOP);
        Set<LocalProcess> all = new LinkedHashSet<>(server);
        all.addAll(postmaster.tree());
        Signals.sendAll(pids(all), Signal.KILL);
        awaitGone(all, Duration.ofSeconds(10));
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

    public void pause(Collection<Target> targets) {
        Signals.sendAll(pids(collect(targets)), Signal.STOP);
    }

    public void resume(Collection<Target> targets) {
        Signals.sendAll(pids(collect(targets)), Signal.CONT);
    }

    private List<LocalProcess> collect(Collection<Target> targets) {
        Set<LocalProcess> all = new LinkedHashSet<>();
        targets.forEach(t -> all.addAll(processes(t.node(), t.recorded())));
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
