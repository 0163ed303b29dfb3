package casedrill.stack.recipe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a node's config file readable only by the node's user (configs may hold passwords). */
final class ConfigFiles {
    private ConfigFiles() {
    }

    static Path writePrivate(Path file, String content, RunUser owner) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content);
            owner.chown(file);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
