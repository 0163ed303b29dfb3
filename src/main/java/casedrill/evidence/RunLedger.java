package casedrill.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code reports/ledger}: one line per sealed run, appended and never rewritten —
 * {@code <manifest sha256> <previous manifest sha256 or -> <scenario>/<run-id>}. The chain lives in
 * the manifests (each names its predecessor and is signed); this file lists them in order so that a
 * removed run folder is noticed.
 */
public final class RunLedger {
    public static final String FILE = "ledger";

    /** One sealed run. {@code line} is 1-based, for messages. */
    public record Entry(int line, String manifestSha256, String previousSha256, String runPath) {
    }

    private RunLedger() {
    }

    public static Path of(Path reportsRoot) {
        return reportsRoot.resolve(FILE);
    }

    public static List<Entry> read(Path reportsRoot) {
        Path file = of(reportsRoot);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Entry> entries = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String[] parts = lines.get(i).split(" ", 3);
                if (parts.length != 3) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a ledger line (expected '<sha256> <previous> <run>'): " + lines.get(i));
                }
                entries.add(new Entry(i + 1, parts[0], parts[1].equals("-") ? null : parts[1], parts[2]));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger " + file, e);
        }
    }

    /**
     * Appends under an exclusive lock; {@code sealing} gets the current last entry and returns the new
     * one, so two runs finishing together cannot both name the same predecessor.
     */
    public static Entry append(Path reportsRoot, java.util.function.Function<Optional<Entry>, Entry> sealing) {
        Path file = of(reportsRoot);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND); FileLock ignored = channel.lock()) {
            List<Entry> entries = read(reportsRoot);
            Entry next = sealing.apply(entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1)));
            String line = next.manifestSha256() + " " + (next.previousSha256() == null ? "-" : next.previousSha256()) + " "
                    + next.runPath() + "\n";
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the ledger " + file, e);
        }
    }
}
