package casedrill.stack;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Secrets generated per stack. Kept only in the state file (mode 0600) and the stack user's own
 * config files; never printed, never in reports.
 */
public record Credentials(String superuserPassword, String replicationPassword, String appDatabase, String appUser,
                          String appPassword, String clientToken, String officerToken, String partnerToken) {

    public static final String SUPERUSER = "postgres";
    public static final String REPLICATION_USER = "replicator";

    public static Credentials generate() {
        return new Credentials(secret(), secret(), "cases", "cases", secret(), secret(), secret(), secret());
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "Credentials[appDatabase=" + appDatabase + ", appUser=" + appUser + ", secrets hidden]";
    }
}
