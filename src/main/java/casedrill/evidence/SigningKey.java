package casedrill.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The Ed25519 key that seals run folders. Stored as one text file readable only by its owner:
 * {@code private <PKCS#8 base64>} and {@code public <X.509 base64>} lines (the JDK cannot derive the
 * public half from the private one). Generated on first use.
 */
public record SigningKey(Path file, PrivateKey privateKey, PublicKey publicKey) {
    public static final String ENV = "CASEDRILL_SIGNING_KEY";

    /**
     * Where the key lives: {@code --key}, else {@code $CASEDRILL_SIGNING_KEY}, else
     * {@code ~/.config/casedrill/signing-key}. Outside {@code reports/} on purpose: whoever copies or
     * publishes the reports must not get the key that could re-sign them.
     */
    public static Path location(Path option, Map<String, String> env) {
        if (option != null) {
            return option;
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return Path.of(System.getProperty("user.home"), ".config", "casedrill", "signing-key");
    }

    public static SigningKey loadOrCreate(Path file) {
        return Files.exists(file) ? load(file) : create(file);
    }

    public static SigningKey load(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(decode(lines, "private", file)));
            PublicKey pub = factory.generatePublic(new X509EncodedKeySpec(decode(lines, "public", file)));
            return new SigningKey(file, priv, pub);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("signing key " + file + " is not an Ed25519 key written by casedrill: " + e.getMessage(), e);
        }
    }

    private static SigningKey create(Path file) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".signing-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Base64.Encoder b64 = Base64.getEncoder();
            Files.writeString(tmp, "private " + b64.encodeToString(pair.getPrivate().getEncoded()) + "\n"
                    + "public " + b64.encodeToString(pair.getPublic().getEncoded()) + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new SigningKey(file, pair.getPrivate(), pair.getPublic());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the signing key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519", e);
        }
    }

    private static byte[] decode(List<String> lines, String label, Path file) {
        return lines.stream().filter(l -> l.startsWith(label + " ")).findFirst()
                .map(l -> Base64.getDecoder().decode(l.substring(label.length() + 1).strip()))
                .orElseThrow(() -> new IllegalArgumentException("no '" + label + "' line in " + file));
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
