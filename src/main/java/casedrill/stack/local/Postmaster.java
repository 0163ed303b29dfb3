package casedrill.stack.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds a PostgreSQL postmaster from its data directory's {@code postmaster.pid} (line 1 PID, line 2
 * data directory, line 3 start time in epoch seconds). The file outlives a crash and its PID may be
 * reused, so the process is trusted only if it is a postgres process started with that data directory
 * at the recorded time.
 */
final class Postmaster {
    /** Kernel clock ticks per second: 100 on every Linux this runs on (USER_HZ). */
    private static final long TICKS_PER_SECOND = 100;
    /** Start times differ by the moments between fork and writing the file, and by rounding. */
    private static final long START_TOLERANCE_SECONDS = 3;

    private Postmaster() {
    }

    static Optional<LocalProcess> of(Path dataDir) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.size() < 3) {
            return Optional.empty();
        }
        long pid;
        long startedEpoch;
        try {
            pid = Long.parseLong(lines.get(0).trim());
            startedEpoch = Long.parseLong(lines.get(2).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String recordedDir = lines.get(1).trim();
        return LocalProcess.of(pid).filter(p -> isPostgres(pid) && startedWith(pid, recordedDir)
                && Math.abs(startEpoch(p) - startedEpoch) <= START_TOLERANCE_SECONDS);
    }

    private static boolean isPostgres(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip().startsWith("postgres");
        } catch (IOException e) {
            return false;
        }
    }

    /** Patroni starts the postmaster as {@code postgres -D <data dir> ...}. */
    private static boolean startedWith(long pid, String dataDir) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> args = List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
            return args.contains(dataDir) || args.contains("--data-directory=" + dataDir) || args.contains("-D" + dataDir);
        } catch (IOException e) {
            return false;
        }
    }

    private static long startEpoch(LocalProcess process) {
        return bootEpoch() + process.startTime() / TICKS_PER_SECOND;
    }

    private static long bootEpoch() {
        try {
            return Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.startsWith("btime "))
                    .mapToLong(l -> Long.parseLong(l.substring(6).trim())).findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
