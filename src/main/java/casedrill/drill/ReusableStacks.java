package casedrill.drill;

import casedrill.stack.StackRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which running stack serves which kind of drill across runs: one small file per key under
 * {@code <runRoot>/reusable/}, holding the provider and the locator of the stack ({@code run --reuse} finds it there
 * next time; {@code stack down --reusable} takes them all down). A file whose stack is gone is only stale, never trusted:
 * the stack is attached to and verified before any drill runs on it.
 */
final class ReusableStacks {
    static final String FOLDER = "reusable";
    private final Path dir;

    ReusableStacks(Path runRoot) {
        this.dir = runRoot.resolve(FOLDER);
    }

    Optional<StackRef> find(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.size() >= 2 ? Optional.of(new StackRef(lines.get(0), lines.get(1))) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void record(String key, StackRef ref) {
        try {
            Files.createDirectories(dir);
            Files.writeString(file(key), ref.provider() + "\n" + ref.locator() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record reusable stack " + ref + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    void forget(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot forget reusable stack " + key + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The keys recorded, sorted. */
    List<String> keys() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ref"))
                    .map(n -> n.substring(0, n.length() - ".ref".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list reusable stacks in " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path file(String key) {
        return dir.resolve(key + ".ref");
    }
}
