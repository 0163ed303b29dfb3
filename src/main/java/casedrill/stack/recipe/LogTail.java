package casedrill.stack.recipe;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** The last non-empty line of a node's log, for one-sentence start failures. */
final class LogTail {
    private static final int WINDOW = 4096;
    private static final int MAX_LINE = 240;

    private LogTail() {
    }

    static Optional<String> lastLine(Path log) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - WINDOW);
            byte[] tail = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(tail);
            String[] lines = new String(tail, StandardCharsets.UTF_8).split("\n");
            return Arrays.stream(lines).map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b)
                    .map(l -> l.length() > MAX_LINE ? l.substring(0, MAX_LINE) + "..." : l);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
