package casedrill.environment;

import java.util.Optional;

/**
 * How reconciliation reaches the database: its name, and the names of the environment variables holding the
 * user and password. The values are read only when needed and never written anywhere.
 */
public record DatabaseAccess(String database, String userEnv, String passwordEnv) {

    /** The value of a named variable, or a sentence saying which one is missing and what it is for. */
    public static String read(String variable, String purpose) {
        return Optional.ofNullable(System.getenv(variable)).filter(v -> !v.isEmpty()).orElseThrow(() ->
                new IllegalStateException("environment variable " + variable + " is not set; the environment file names it for " + purpose));
    }
}
