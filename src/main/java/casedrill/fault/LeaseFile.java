package casedrill.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code lease.json} in a run folder, replaced atomically so a killed harness never leaves half a file. */
public final class LeaseFile {
    public static final String NAME = "lease.json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path file;

    public LeaseFile(Path runFolder) {
        this.file = runFolder.resolve(NAME);
    }

    public Path file() {
        return file;
    }

    public void write(Lease lease) {
        Path tmp = file.resolveSibling(NAME + ".tmp");
        try {
            Files.writeString(tmp, JSON.writeValueAsString(lease) + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write lease file " + file, e);
        }
    }

    public Lease read() {
        try {
            return JSON.readValue(Files.readString(file), Lease.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lease file " + file, e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("lease file " + file + " is not valid: " + e.getOriginalMessage(), e);
        }
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }
}
