package casedrill.stack.containers;

import java.nio.file.Path;
import java.util.List;

/**
 * PID 1 of a postgres node's container: a small sh supervisor, so that Patroni can crash alone (issue #18). With
 * Patroni (or runuser) as PID 1, killing Patroni ended the container and its PostgreSQL with it. The supervisor
 * <ul>
 *   <li>prepares the node folder as root (postgres may not create it under the run root), then starts Patroni as
 *       postgres through runuser, which keeps the container's environment (Patroni's YAML is in it);</li>
 *   <li>has Patroni's own PID written to {@link #pidFile} (the inner sh writes its PID, then execs Patroni, so it is
 *       Patroni's and not runuser's);</li>
 *   <li>outlives Patroni: the orphaned PostgreSQL keeps running and, reparented to PID 1, is reaped when it exits
 *       (dash's wait reaps any child, not only its jobs);</li>
 *   <li>starts Patroni again on SIGUSR1 when it is not running ({@link #RELAUNCH}), so the new Patroni is again its
 *       child with its environment;</li>
 *   <li>on SIGTERM (docker stop) sends TERM to the current Patroni and waits until it is gone; a PostgreSQL that
 *       Patroni left running (it had been killed) gets a fast shutdown (SIGINT); then exits. PID 1 has no default
 *       action for TERM: without the trap docker stop would end in SIGKILL after its timeout.</li>
 * </ul>
 * A zombie is not a running Patroni: its PID answers kill -0 until reaped, so the state in /proc/PID/stat decides.
 */
final class PatroniSupervisor {
    /** Shown as $0 of the supervisor in the process list. */
    static final String NAME = "casedrill-patroni";
    /** What makes the supervisor start Patroni again, run in the container by root. */
    static final List<String> RELAUNCH = List.of("sh", "-c", "kill -USR1 1");

    /** $1 node folder, $2 Patroni's binary; the pid file is {@link #pidFile} of $1. */
    static final String SCRIPT = """
            dir=$1 patroni=$2 pidfile=$1/patroni.pid
            install -d -o postgres -g postgres -m 0700 "$dir" "$dir/pglog" || exit 1
            running() {
                p=$(cat "$pidfile" 2>/dev/null) || return 1
                case $(cat "/proc/$p/stat" 2>/dev/null) in
                    "" | *") Z "* | *") X "*) return 1 ;;
                esac
            }
            launch() {
                rm -f "$pidfile"
                runuser -u postgres -- sh -c 'echo $$ >"$0" && exec "$@"' "$pidfile" "$patroni" &
            }
            gone() {
                while kill -0 "$1" 2>/dev/null; do sleep 0.2; done
            }
            stop() {
                if running; then kill -TERM "$p"; gone "$p"; fi
                pm=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null)
                if [ -n "$pm" ] && [ "$(cat "/proc/$pm/comm" 2>/dev/null)" = postgres ]; then kill -INT "$pm"; gone "$pm"; fi
                exit 0
            }
            trap 'running || launch' USR1
            trap stop TERM INT
            launch
            while :; do sleep 1 & wait $!; done
            """;

    private PatroniSupervisor() {
    }

    static List<String> entrypoint(Path nodeDir, String patroniBinary) {
        return List.of("sh", "-c", SCRIPT, NAME, nodeDir.toString(), patroniBinary);
    }

    /** Where the running Patroni's PID is, inside the container (the node folder is postgres's, 0700). */
    static Path pidFile(Path nodeDir) {
        return nodeDir.resolve("patroni.pid");
    }
}
