package casedrill.drill;

import casedrill.stack.NodeProcess;
import casedrill.stack.StackState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** {@code reports/<scenario>/<run-id>/}: created before anything starts, so even a failed stack start has a folder. */
record RunFolder(String runId, Path dir) {
    static RunFolder create(Path reportsRoot, String scenario, Instant now) {
        String id = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now) + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        Path dir = reportsRoot.resolve(scenario).resolve(id);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder " + dir, e);
        }
        return new RunFolder(id, dir);
    }

    Path history() {
        return dir.resolve("history.jsonl");
    }

    /**
     * Copies every node's log from the stack's run directory into {@code stack-logs/}, and PostgreSQL's own
     * log beside a database node's Patroni log (checkpoints, replication and commit stalls are only there);
     * returns how many files were copied.
     */
    int copyStackLogs(StackState state) {
        Path logs = dir.resolve("stack-logs");
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

    /** Where PatroniRecipe points PostgreSQL's logging collector, relative to the node's own log. */
    private static final Path POSTGRES_LOG = Path.of("pglog", "postgresql.log");

    private static int copyIfPresent(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from)) {
            return 0;
        }
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        return 1;
    }
}
