package casedrill.stack.containers;

import casedrill.stack.EffectiveAt;
import com.github.dockerjava.api.DockerClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Patroni and PostgreSQL of one postgres node's container, crashed one at a time from inside it (docker exec, as
 * root, with the image's python3 and psutil): the provider's counterpart of the local stack's
 * {@code NodeControl.crashPatroni} and {@code crashPostgres}. Patroni's PID is the one {@link PatroniSupervisor}
 * recorded; the postmaster's is line 1 of its {@code postmaster.pid}, trusted only if that process is a live
 * {@code postgres}.
 *
 * <p>The instant a crash took effect is read inside the container just before its first signal (CLOCK_MONOTONIC,
 * the clock {@link System#nanoTime()} reads on Linux: one kernel runs both); where that reading does not fall within
 * the exec's span (an engine on another kernel), the instant just before the exec started stands in for it.
 */
final class PostgresNodeControl {
    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(30);

    /**
     * argv: action (pids, kill-patroni, kill-postgres), Patroni's pid file, the postmaster's pid file. pids prints
     * "patroni postmaster" (0 for one not running); a kill prints the monotonic nanoseconds of its first signal.
     * The postgres crash freezes the postmaster and every descendant, lists them again while frozen (none can fork),
     * then SIGKILLs them all: killing the postmaster alone would leave backends on its shared memory, delaying the
     * restart by however long they take to notice.
     */
    static final String PROGRAM = """
            import signal, sys, time
            import psutil

            action, patroni_file, postmaster_file = sys.argv[1:4]

            def running(p):
                try:
                    return p.status() != psutil.STATUS_ZOMBIE
                except psutil.NoSuchProcess:
                    return False

            def recorded(path, looks_right):
                try:
                    with open(path) as f:
                        p = psutil.Process(int(f.readline()))
                    return p if running(p) and looks_right(p) else None
                except (OSError, ValueError, psutil.Error):
                    return None

            def patroni():
                return recorded(patroni_file, lambda p: any('patroni' in a for a in p.cmdline()))

            def postmaster():
                return recorded(postmaster_file, lambda p: p.name().startswith('postgres'))

            def send(procs, sig):
                for p in procs:
                    try:
                        p.send_signal(sig)
                    except psutil.NoSuchProcess:
                        pass

            # frozen: SIGSTOPped first (none can fork), then listed again with again() and all SIGKILLed
            def crash(frozen, again):
                at = time.monotonic_ns()
                send(frozen, signal.SIGSTOP)
                procs = {p.pid: p for p in frozen + again()}
                send(procs.values(), signal.SIGKILL)
                deadline = time.monotonic() + 10
                while any(running(p) for p in procs.values()) and time.monotonic() < deadline:
                    time.sleep(0.05)
                print(at)

            if action == 'pids':
                print(' '.join(str(p.pid if p else 0) for p in (patroni(), postmaster())))
            elif action == 'kill-patroni':
                p = patroni()
                if not p:
                    sys.exit('Patroni is not running (no live process of the PID in %s)' % patroni_file)
                crash([], lambda: [p])
            elif action == 'kill-postgres':
                pm = postmaster()
                if not pm:
                    sys.exit('PostgreSQL is not running (no live postmaster of the PID in %s)' % postmaster_file)
                tree = lambda: [pm] + pm.children(recursive=True)
                crash(tree(), tree)
            else:
                sys.exit('unknown action ' + action)
            """;

    private final DockerClient docker;
    private final String container;
    private final Path patroniPidFile;
    private final Path postmasterPidFile;

    PostgresNodeControl(DockerClient docker, String container, Path nodeDir, Path postmasterPidFile) {
        this.docker = docker;
        this.container = container;
        this.patroniPidFile = PatroniSupervisor.pidFile(nodeDir);
        this.postmasterPidFile = postmasterPidFile;
    }

    /** SIGKILL of Patroni alone; PostgreSQL keeps running, orphaned. */
    EffectiveAt crashPatroni() {
        return crash("kill-patroni");
    }

    /** PostgreSQL's postmaster and every backend frozen, then SIGKILLed; Patroni lives on and restarts it. */
    EffectiveAt crashPostgres() {
        return crash("kill-postgres");
    }

    /** Patroni's PID inside the container, if it runs. */
    OptionalLong patroniPid() {
        return pid(0);
    }

    /** The postmaster's PID inside the container, if it runs. */
    OptionalLong postmasterPid() {
        return pid(1);
    }

    boolean patroniRunning() {
        return patroniPid().isPresent();
    }

    /** Has the supervisor start Patroni again; returns the instant just before the request went to the engine. */
    EffectiveAt relaunchPatroni() {
        ContainerExec sent = ContainerExec.run(docker, container, EXEC_TIMEOUT, PatroniSupervisor.RELAUNCH);
        if (!sent.ok()) {
            throw new IllegalStateException("cannot have the supervisor of " + container + " start Patroni: " + sent.failure());
        }
        return new EffectiveAt(sent.startedAt());
    }

    static List<String> command(String action, Path patroniPidFile, Path postmasterPidFile) {
        List<String> cmd = new ArrayList<>(List.of("python3", "-c", PROGRAM, action));
        cmd.add(patroniPidFile.toString());
        cmd.add(postmasterPidFile.toString());
        return cmd;
    }

    /** The instant the program reported for its first signal if it lies within the exec's span, else the exec's start. */
    static EffectiveAt signalledAt(ContainerExec exec) {
        String[] lines = exec.out().strip().split("\n");
        try {
            long reported = Long.parseLong(lines[lines.length - 1].strip());
            if (reported - exec.startedAt() >= 0 && exec.endedAt() - reported >= 0) {
                return new EffectiveAt(reported);
            }
        } catch (NumberFormatException e) {
            // no instant printed: the exec's start stands in
        }
        return new EffectiveAt(exec.startedAt());
    }

    private EffectiveAt crash(String action) {
        ContainerExec exec = ContainerExec.run(docker, container, EXEC_TIMEOUT, command(action, patroniPidFile, postmasterPidFile));
        if (!exec.ok()) {
            throw new IllegalStateException("cannot " + action + " in " + container + ": " + exec.failure());
        }
        return signalledAt(exec);
    }

    private OptionalLong pid(int field) {
        ContainerExec exec = ContainerExec.run(docker, container, EXEC_TIMEOUT, command("pids", patroniPidFile, postmasterPidFile));
        if (!exec.ok()) {
            throw new IllegalStateException("cannot read the PIDs of Patroni and PostgreSQL in " + container + ": " + exec.failure());
        }
        long pid = Long.parseLong(exec.out().strip().split("\\s+")[field]);
        return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
    }
}
