package casedrill.stack.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Copies every node's log from a local stack's run directory, and PostgreSQL's own log beside a database node's
 * Patroni log (checkpoints, replication and commit stalls are only there).
 */
final class StackLogs {
    /** Where PatroniRecipe points PostgreSQL's logging collector, relative to the node's own log. */
    private static final Path POSTGRES_LOG = Path.of("pglog", "postgresql.log");

    private StackLogs() {
    }

    /** Returns how many files were copied into {@code logs}. */
    static int copy(StackState state, Path logs) {
        int copied = 0;
        try {
            Files.createDirectories(logs);
            for (NodeProcess p : state.processes().values()) {
                Path log = Path.of(p.log());
                copied += copyIfPresent(log, logs.resolve(p.node() + ".log"));
                copied += copyIfPresent(log.resolveSibling(POSTGRES_LOG), logs.resolve(p.node() + ".postgresql.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the stack's logs into " + logs, e);
        }
        return copied;
    }

    private static int copyIfPresent(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from)) {
            return 0;
        }
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        return 1;
    }
}
