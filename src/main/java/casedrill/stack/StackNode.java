package casedrill.stack;

import casedrill.topology.Node;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A handle on one running node, for faults: crash, graceful stop, freeze and thaw, restart. */
public final class StackNode {
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Stack stack;
    private final Node spec;

    StackNode(Stack stack, Node spec) {
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
    public void kill() {
        stack.control().crash(List.of(stack.target(spec.name())));
    }

    /**
     * Crash of one process of a postgres node: {@code patroni} (SIGKILL of Patroni alone; its
     * PostgreSQL keeps running, orphaned) or {@code postgres} (the PostgreSQL server; Patroni restarts it).
     */
    public void killOnly(String process) {
        switch (process) {
            case "patroni" -> stack.control().crashPatroni(stack.target(spec.name()));
            case "postgres" -> stack.control().crashPostgres(stack.target(spec.name()));
            default -> throw new IllegalArgumentException("cannot kill only '" + process + "' of node " + spec.name()
                    + " (known: patroni, postgres)");
        }
    }

    /** The PID of the node's running postmaster (postgres nodes), checked against its pid file. */
    public Optional<Long> postmasterPid() {
        return stack.control().postmasterOf(spec).map(casedrill.stack.local.LocalProcess::pid);
    }

    /** Graceful stop (SIGTERM; SIGKILL after 30 s). */
    public void stop() {
        stack.control().stop(List.of(stack.target(spec.name())), STOP_GRACE);
    }

    /** Gray failure: SIGSTOP of the node's whole process tree. */
    public void pause() {
        stack.control().pause(List.of(stack.target(spec.name())));
    }

    public void resume() {
        stack.control().resume(List.of(stack.target(spec.name())));
    }

    /** Stops the node if it runs, starts it again and waits until it is ready. */
    public void restart() {
        if (alive()) {
            stop();
        }
        stack.relaunch(spec);
    }

    /** Starts a crashed or stopped node again and waits until it is ready. */
    public void start() {
        if (alive()) {
            throw new IllegalStateException("node " + spec.name() + " is already running as PID " + pid());
        }
        stack.relaunch(spec);
    }

    public boolean alive() {
        return stack.state().process(spec.name()).orElseThrow().process().alive();
    }
}
