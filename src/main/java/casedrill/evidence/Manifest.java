package casedrill.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a run folder held when it was sealed: every file's SHA-256, the previous run's manifest hash
 * (the chain) and the public key whose private half signed it. The signature covers the exact bytes
 * of {@code manifest.json} as written, so no canonical form is needed to verify it.
 *
 * @param runPath                 the run folder relative to the reports folder ({@code <scenario>/<run-id>})
 * @param previousManifestSha256  SHA-256 of the previous sealed run's manifest.json; null for the first run
 * @param publicKey               Ed25519 public key, X.509 encoded, base64
 */
public record Manifest(int schemaVersion, String runPath, String sealedAt, String previousManifestSha256,
                       String publicKey, SortedMap<String, String> files) {
    public static final int SCHEMA_VERSION = 1;
    public static final String FILE = "manifest.json";
    public static final String SIGNATURE_FILE = "manifest.sig";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public Manifest {
        files = new TreeMap<>(files);
    }

    public byte[] toBytes() {
        return (JSON.writeValueAsString(this) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public static Manifest parse(byte[] bytes, Path from) {
        try {
            return JSON.readValue(bytes, Manifest.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(from + " is not a readable manifest: " + e.getMessage(), e);
        }
    }

    public static Manifest read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file);
    }
}
