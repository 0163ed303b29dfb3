package casedrill.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/** Checks one sealed run folder against its manifest: the signature, the key, and every file's hash. */
final class RunFolderCheck {
    private RunFolderCheck() {
    }

    /** The manifest's bytes when it could be read (for the ledger check), plus every finding. */
    record Outcome(Optional<byte[]> manifestBytes, Optional<Manifest> manifest, List<Finding> findings) {
    }

    static Outcome check(Path folder, String shownAs, Optional<String> trustedKey) {
        List<Finding> findings = new ArrayList<>();
        Path manifestFile = folder.resolve(Manifest.FILE);
        if (!Files.isRegularFile(manifestFile)) {
            findings.add(new Finding(shownAs, "not sealed: there is no " + Manifest.FILE));
            return new Outcome(Optional.empty(), Optional.empty(), findings);
        }
        byte[] bytes;
        Manifest manifest;
        try {
            bytes = Files.readAllBytes(manifestFile);
            manifest = Manifest.parse(bytes, manifestFile);
        } catch (IOException | IllegalArgumentException e) {
            findings.add(new Finding(shownAs + "/" + Manifest.FILE, "cannot be read as a manifest: " + e.getMessage()));
            return new Outcome(Optional.empty(), Optional.empty(), findings);
        }
        checkSignature(folder, shownAs, bytes, manifest, trustedKey, findings);
        checkFiles(folder, shownAs, manifest.files(), findings);
        return new Outcome(Optional.of(bytes), Optional.of(manifest), findings);
    }

    private static void checkSignature(Path folder, String shownAs, byte[] bytes, Manifest manifest, Optional<String> trustedKey,
                                       List<Finding> findings) {
        Path sigFile = folder.resolve(Manifest.SIGNATURE_FILE);
        String where = shownAs + "/" + Manifest.FILE;
        try {
            byte[] signature = Base64.getDecoder().decode(Files.readString(sigFile, StandardCharsets.US_ASCII).strip());
            if (!PublicKeys.verifies(manifest.publicKey(), bytes, signature)) {
                findings.add(new Finding(where, "the Ed25519 signature in " + Manifest.SIGNATURE_FILE
                        + " does not match: the manifest or its signature was changed"));
            }
        } catch (IOException e) {
            findings.add(new Finding(shownAs + "/" + Manifest.SIGNATURE_FILE, "missing or unreadable, so the manifest is unsigned"));
        } catch (IllegalArgumentException e) {
            findings.add(new Finding(shownAs + "/" + Manifest.SIGNATURE_FILE, "is not base64, so the manifest is unsigned"));
        }
        trustedKey.filter(k -> !k.equals(manifest.publicKey())).ifPresent(k -> findings.add(new Finding(where,
                "signed by key " + PublicKeys.fingerprint(manifest.publicKey()) + ", not by the trusted key " + PublicKeys.fingerprint(k))));
    }

    private static void checkFiles(Path folder, String shownAs, SortedMap<String, String> sealed, List<Finding> findings) {
        SortedMap<String, String> now = FileDigests.of(folder);
        for (Map.Entry<String, String> e : sealed.entrySet()) {
            String actual = now.get(e.getKey());
            if (actual == null) {
                findings.add(new Finding(shownAs + "/" + e.getKey(), "removed since the run was sealed"));
            } else if (!actual.equals(e.getValue())) {
                findings.add(new Finding(shownAs + "/" + e.getKey(), "changed since the run was sealed (SHA-256 "
                        + actual.substring(0, 12) + "…, sealed as " + e.getValue().substring(0, 12) + "…)"));
            }
        }
        now.keySet().stream().filter(name -> !sealed.containsKey(name))
                .forEach(name -> findings.add(new Finding(shownAs + "/" + name, "added after the run was sealed")));
    }
}
