package casedrill.probe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One case intake: its idempotency key, the exact body bytes and their SHA-256 (what the service stores in
 * {@code cases.request_sha256}). Built deterministically from a key prefix and a sequence number, so a retry with
 * the same key has the same body and the ledger can recompute the hash.
 */
public record IntakeRequest(String idempotencyKey, byte[] body, String sha256, String surname, String birthDate) {
    private static final List<String> TYPES =
            List.of("VISITOR_VISA", "STUDY_PERMIT", "WORK_PERMIT", "PERMANENT_RESIDENCE", "CITIZENSHIP");
    private static final List<String> SURNAMES =
            List.of("Martin", "Nguyen", "Okafor", "Silva", "Kowalski", "Haddad", "Tanaka", "Dubois", "Singh", "Moreau");
    private static final List<String> GIVEN = List.of("Ana", "Louis", "Amara", "Chen", "Ines", "Omar", "Yuki", "Lea");
    private static final List<String> NATIONALITIES = List.of("FRA", "VNM", "NGA", "BRA", "POL", "LBN", "JPN", "IND");

    public static IntakeRequest of(String keyPrefix, long seq) {
        int n = (int) (seq & Integer.MAX_VALUE);
        String surname = SURNAMES.get(n % SURNAMES.size());
        String birthDate = String.format(Locale.ROOT, "19%02d-%02d-%02d", 50 + n % 50, 1 + n % 12, 1 + n % 28);
        String json = "{\"type\":\"" + TYPES.get(n % TYPES.size()) + "\",\"applicant\":{\"surname\":\"" + surname
                + "\",\"givenNames\":\"" + GIVEN.get(n % GIVEN.size()) + "\",\"birthDate\":\"" + birthDate
                + "\",\"nationality\":\"" + NATIONALITIES.get(n % NATIONALITIES.size()) + "\"}}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return new IntakeRequest(keyPrefix + "-" + seq, body, sha256(body), surname, birthDate);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
