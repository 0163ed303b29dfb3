package casedrill.stack.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A process identified by PID and start time (field 22 of /proc/PID/stat, in clock ticks since boot),
 * so a PID that was reused by another process is never signalled.
 */
public record LocalProcess(long pid, long startTime) {

    /** The process currently running under {@code pid}, if any (zombies count as gone). */
    public static Optional<LocalProcess> of(long pid) {
        return Stat.read(pid).filter(s -> !s.zombie()).map(s -> new LocalProcess(pid, s.startTime()));
    }

    /** True while this very process (same PID and start time) exists and is not a zombie. */
    public boolean alive() {
        return Stat.read(pid).map(s -> !s.zombie() && s.startTime() == startTime).orElse(false);
    }

    /** True when the process is stopped by SIGSTOP (state T). */
    public boolean stopped() {
        return Stat.read(pid).map(s -> s.startTime() == startTime && s.state() == 'T').orElse(false);
    }

    /** Sends a signal if this process is still the one recorded; returns whether it was sent. */
    public boolean signal(Signal signal) {
        if (!alive()) {
            return false;
        }
        return Signals.send(pid, signal);
    }

    /** This process and every descendant, parents first. */
    public List<LocalProcess> tree() {
        return ProcessTable.read().tree(this);
    }

    /** The fields of /proc/PID/stat we use; the command name may hold spaces and parentheses. */
    record Stat(char state, long ppid, long startTime) {
        boolean zombie() {
            return state == 'Z' || state == 'X';
        }

        static Optional<Stat> read(long pid) {
            String line;
            try {
                line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            } catch (IOException e) {
                return Optional.empty();
            }
            String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
            // f[0] is field 3 (state); field N is f[N - 3].
            return Optional.of(new Stat(f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[19])));
        }
    }
}
