package casedrill.stack.containers;

import casedrill.stack.Credentials;
import casedrill.stack.PrivateFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A containers stack's secrets: {@code <run root>/<stack id>/secrets.json}, mode 0600. Labels are readable by
 * anyone who may ask the engine, so the secrets stay here, beside the generated configs that already hold them.
 */
final class SecretsFile {
    static final String NAME = "secrets.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SecretsFile() {
    }

    static Path of(Path stackDir) {
        return stackDir.resolve(NAME);
    }

    static void write(Path stackDir, Credentials credentials) {
        PrivateFile.replace(of(stackDir), JSON.writeValueAsString(credentials));
    }

    /** The secrets, or empty when the file is gone (the stack can still be controlled and taken down without them). */
    static Optional<Credentials> read(Path stackDir) {
        Path file = of(stackDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Credentials.class));
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
