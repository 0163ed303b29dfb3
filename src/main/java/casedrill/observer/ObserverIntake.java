package casedrill.observer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The observer's own intake: a body of its own making (not the probes' or the load's), its key and the SHA-256 of
 * the exact bytes, which the service stores with the case, so the read-back can tell a changed case from its write.
 */
record ObserverIntake(String idempotencyKey, byte[] body, String sha256) {
    static ObserverIntake of(String keyPrefix, long seq) {
        String birthDate = String.format(Locale.ROOT, "19%02d-%02d-%02d", 40 + seq % 60, 1 + seq % 12, 1 + seq % 28);
        byte[] body = ("{\"type\":\"VISITOR_VISA\",\"applicant\":{\"surname\":\"Observer\",\"givenNames\":\"Independent\","
                + "\"birthDate\":\"" + birthDate + "\",\"nationality\":\"CHE\"}}").getBytes(StandardCharsets.UTF_8);
        try {
            return new ObserverIntake(keyPrefix + "-" + seq, body,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
