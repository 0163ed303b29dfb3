package casedrill.casestack.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The configured token of each role. Tokens are never logged or printed, not even in toString. */
public final class ApiTokens {
    static final int MIN_LENGTH = 16;

    private final Map<Role, byte[]> tokens;

    private ApiTokens(Map<Role, byte[]> tokens) {
        this.tokens = tokens;
    }

    /**
     * Reads every role's token through {@code lookup} (by role); a missing, short or shared token
     * is refused with one sentence naming the variable, never the value.
     */
    public static ApiTokens from(Function<Role, String> lookup) {
        Map<Role, byte[]> tokens = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String token = lookup.apply(role);
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException(role.tokenVariable() + " is not set: every role needs an API token.");
            }
            if (token.length() < MIN_LENGTH) {
                throw new IllegalArgumentException(role.tokenVariable() + " is too short: API tokens need at least "
                        + MIN_LENGTH + " characters.");
            }
            byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
            for (Map.Entry<Role, byte[]> other : tokens.entrySet()) {
                if (MessageDigest.isEqual(other.getValue(), bytes)) {
                    throw new IllegalArgumentException(role.tokenVariable() + " equals " + other.getKey().tokenVariable()
                            + ": each role needs its own token.");
                }
            }
            tokens.put(role, bytes);
        }
        return new ApiTokens(tokens);
    }

    /** The role whose token was presented, compared in constant time. */
    public Optional<Role> roleOf(String presented) {
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        Role found = null;
        for (Map.Entry<Role, byte[]> e : tokens.entrySet()) {
            if (MessageDigest.isEqual(e.getValue(), bytes)) {
                found = e.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public String toString() {
        return "ApiTokens" + tokens.keySet();
    }
}
