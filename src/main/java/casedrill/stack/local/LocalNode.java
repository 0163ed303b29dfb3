package casedrill.stack.local;

import casedrill.stack.DatabaseProcess;
import casedrill.stack.EffectiveAt;
import casedrill.topology.Node;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A handle on one running node, for faults: crash, graceful stop, freeze and thaw, restart; each returns the instant it took effect. */
public final class LocalNode {
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final LocalStack stack;
    private final Node spec;

    LocalNode(LocalStack stack, Node spec) {
        this.stack = stack;
        this.spec = spec;
    }

    public Node spec() {
        return spec;
    }

    public long pid() {
        return stack.state().process(spec.name()).orElseThrow().pid();
    }

    /** Hard crash: every process of the node frozen, then SIGKILLed (PostgreSQL's backends included). */
    public EffectiveAt kill() {
        return stack.control().crash(List.of(stack.target(spec.name())));
    }

    /**
     * Crash of one process of a postgres node: {@code PATRONI} (SIGKILL of Patroni alone; its
     * PostgreSQL keeps running, orphaned) or {@code POSTGRES} (the PostgreSQL server; Patroni restarts it).
     */
    public EffectiveAt killOnly(DatabaseProcess process) {
        return switch (process) {
            case PATRONI -> stack.control().crashPatroni(stack.target(spec.name()));
            case POSTGRES -> stack.control().crashPostgres(stack.target(spec.name()));
        };
    }

    /** The PID of the node's running postmaster (postgres nodes), checked against its pid file. */
    public Optional<Long> postmasterPid() {
        return stack.control().postmasterOf(spec).map(LocalProcess::pid);
    }

    /** Graceful stop (SIGTERM; SIGKILL after 30 s). */
    public EffectiveAt stop() {
        return stack.control().stop(List.of(stack.target(spec.name())), STOP_GRACE);
    }

    /** Gray failure: SIGSTOP of the node's whole process tree. */
    public EffectiveAt pause() {
        return stack.control().pause(List.of(stack.target(spec.name())));
    }

    public EffectiveAt resume() {
        return stack.control().resume(List.of(stack.target(spec.name())));
    }

    /** Stops the node if it runs, starts it again and waits until it is ready; returns when the stop (or start) began. */
    public EffectiveAt restart() {
        EffectiveAt at = alive() ? stop() : EffectiveAt.now();
        stack.relaunch(spec);
        return at;
    }

    /**
     * Starts a crashed or stopped node again and waits until it is ready, then reads back that it runs;
     * returns when the start began.
     */
    public EffectiveAt start() {
        if (alive()) {
            throw new IllegalStateException("node " + spec.name() + " is already running as PID " + pid());
        }
        EffectiveAt at = EffectiveAt.now();
        stack.relaunch(spec);
        if (!alive()) {
            throw new IllegalStateException("node " + spec.name() + " was started but does not run (see its log in " + stack.directory() + ")");
        }
        return at;
    }

    public boolean alive() {
        return stack.state().process(spec.name()).orElseThrow().process().alive();
    }
}
