package casedrill.stack.local;

import casedrill.topology.NodeKind;
import casedrill.stack.NodeProcess;
import casedrill.topology.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path pidFile = PatroniRecipe.postmasterPidFile(ctx, node.name());
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return first.isEmpty() ? Optional.empty() : LocalProcess.of(Long.parseLong(first))
                    .filter(p -> isPostgres(p.pid()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** postmaster.pid may be stale after a crash and its PID reused: only trust a postgres process. */
    private static boolean isPostgres(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip().startsWith("postgres");
        } catch (IOException e) {
            return false;
        }
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
