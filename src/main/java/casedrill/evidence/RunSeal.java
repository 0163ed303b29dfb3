package casedrill.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;

/**
 * Seals a finished run folder: writes {@code manifest.json} (every file's SHA-256, the previous run's
 * manifest hash, the public key), {@code manifest.sig} (Ed25519 over manifest.json's bytes) and appends
 * the run to {@code reports/ledger}. A sealed folder is never sealed again: evidence is append-only.
 */
public final class RunSeal {
    private RunSeal() {
    }

    /** The reports folder a run folder belongs to: {@code <reports>/<scenario>/<run-id>}. */
    public static Path reportsRootOf(Path runFolder) {
        Path abs = runFolder.toAbsolutePath().normalize();
        if (abs.getParent() == null || abs.getParent().getParent() == null) {
            throw new IllegalArgumentException(runFolder + " is not a run folder (expected <reports>/<scenario>/<run-id>)");
        }
        return abs.getParent().getParent();
    }

    public static Manifest seal(Path runFolder, SigningKey key, Clock clock) {
        Path folder = runFolder.toAbsolutePath().normalize();
        if (Files.exists(folder.resolve(Manifest.FILE))) {
            throw new IllegalStateException(runFolder + " is already sealed (" + Manifest.FILE + " exists); evidence is never re-sealed");
        }
        Path root = reportsRootOf(folder);
        String runPath = FileDigests.relative(root, folder);
        Manifest[] sealed = new Manifest[1];
        RunLedger.append(root, last -> {
            Manifest manifest = new Manifest(Manifest.SCHEMA_VERSION, runPath, clock.instant().toString(),
                    last.map(RunLedger.Entry::manifestSha256).orElse(null), key.publicKeyBase64(), FileDigests.of(folder));
            byte[] bytes = manifest.toBytes();
            try {
                Files.write(folder.resolve(Manifest.FILE), bytes);
                Files.writeString(folder.resolve(Manifest.SIGNATURE_FILE), Base64.getEncoder().encodeToString(key.sign(bytes)) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the manifest of " + runFolder, e);
            }
            sealed[0] = manifest;
            return new RunLedger.Entry(0, FileDigests.sha256(bytes), manifest.previousManifestSha256(), runPath);
        });
        return sealed[0];
    }
}
