package casedrill.casestack;

import casedrill.casestack.auth.Role;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything one app node needs to start. Secrets (database password, tokens) arrive here from
 * the environment, never from the command line, and {@link #toString()} leaves them out.
 */
public record NodeSettings(
        String site,
        String name,
        String bindHost,
        int port,
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        Map<Role, String> tokens,
        Duration retryBudget) {

    public static final Duration DEFAULT_RETRY_BUDGET = Duration.ofSeconds(10);
    /** Site and node names travel in response headers, so they stay plain. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");

    public NodeSettings {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(dbUser, "dbUser");
        requireName("site", site);
        requireName("name", name);
        tokens = Map.copyOf(tokens);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, but was " + port);
        }
    }

    private static void requireName(String what, String value) {
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be lower-case letters, digits, '.' or '-' (at most 63), but was '"
                    + value + "'.");
        }
    }

    /** Reads every role's token from {@code CASEDRILL_TOKEN_<ROLE>}; missing ones stay absent. */
    public static Map<Role, String> tokensFrom(Map<String, String> environment) {
        var tokens = new EnumMap<Role, String>(Role.class);
        for (Role role : Role.values()) {
            String value = environment.get(role.tokenVariable());
            if (value != null) {
                tokens.put(role, value);
            }
        }
        return tokens;
    }

    @Override
    public String toString() {
        return "NodeSettings[site=" + site + ", name=" + name + ", bind=" + bindHost + ":" + port + ", db=" + jdbcUrl
                + ", dbUser=" + dbUser + ", retryBudget=" + retryBudget + "]";
    }
}
