package casedrill.stack.local;

import casedrill.stack.PrivateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The state file ({@code <run dir>/state.json}, mode 0600: it holds the stack's secrets) and the
 * "current stack" pointer: the symbolic link {@code <run root>/current} to the last stack brought up.
 */
public final class StateFile {
    public static final String NAME = "state.json";
    public static final String CURRENT = "current";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private StateFile() {
    }

    public static void write(StackState state) {
        PrivateFile.replace(state.directory().resolve(NAME), JSON.writeValueAsString(state));
    }

    public static StackState read(Path stackDir) {
        Path file = stackDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no stack at " + stackDir + " (" + file + " does not exist)");
        }
        try {
            return JSON.readValue(file.toFile(), StackState.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read state file " + file + ": " + e.getMessage(), e);
        }
    }

    public static void pointCurrentAt(Path runRoot, Path stackDir) {
        Path link = runRoot.resolve(CURRENT);
        try {
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, stackDir.getFileName());
        } catch (IOException e) {
            throw new IllegalStateException("cannot point " + link + " at " + stackDir + ": " + e.getMessage(), e);
        }
    }

    /** The current stack's directory, if the pointer exists and its target still has a state file. */
    public static Optional<Path> current(Path runRoot) {
        Path link = runRoot.resolve(CURRENT);
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        try {
            Path dir = runRoot.resolve(Files.readSymbolicLink(link));
            return Files.isRegularFile(dir.resolve(NAME)) ? Optional.of(dir) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Removes the pointer if it points at {@code stackDir}. */
    public static void clearCurrent(Path runRoot, Path stackDir) {
        Path link = runRoot.resolve(CURRENT);
        try {
            if (Files.isSymbolicLink(link)
                    && runRoot.resolve(Files.readSymbolicLink(link)).normalize().equals(stackDir.normalize())) {
                Files.delete(link);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove " + link + ": " + e.getMessage(), e);
        }
    }

}
