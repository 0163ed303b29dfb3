package casedrill.evidence;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Checking signatures and naming keys, from the base64 public key a manifest carries. */
public final class PublicKeys {
    private PublicKeys() {
    }

    /** A short name for a key a person can compare: the first 16 hex digits of the SHA-256 of its encoding. */
    public static String fingerprint(String publicKeyBase64) {
        return FileDigests.sha256(Base64.getDecoder().decode(publicKeyBase64)).substring(0, 16);
    }

    public static boolean verifies(String publicKeyBase64, byte[] data, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
