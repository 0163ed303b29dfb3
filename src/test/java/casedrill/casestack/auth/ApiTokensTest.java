package casedrill.casestack.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiTokensTest {
    private static final Map<Role, String> VALID = Map.of(Role.CLIENT, "client-token-0123456789",
            Role.OFFICER, "officer-token-0123456789", Role.PARTNER, "partner-token-0123456789");

    @Test
    void mapsEachTokenToItsRole() {
        ApiTokens tokens = ApiTokens.from(VALID::get);
        assertThat(tokens.roleOf("officer-token-0123456789")).contains(Role.OFFICER);
        assertThat(tokens.roleOf("officer-token-012345678")).isEmpty();
        assertThat(tokens.toString()).doesNotContain("token-0123456789");
    }

    @Test
    void aMissingTokenIsOneSentenceNamingTheVariable() {
        assertThatThrownBy(() -> ApiTokens.from(role -> role == Role.PARTNER ? null : VALID.get(role)))
                .hasMessage("CASEDRILL_TOKEN_PARTNER is not set: every role needs an API token.");
    }

    @Test
    void shortOrSharedTokensAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> ApiTokens.from(role -> role == Role.CLIENT ? "abc123" : VALID.get(role)))
                .hasMessageContaining("CASEDRILL_TOKEN_CLIENT is too short").hasMessageNotContaining("abc123");
        assertThatThrownBy(() -> ApiTokens.from(role -> "same-token-for-everyone"))
                .hasMessageContaining("each role needs its own token").hasMessageNotContaining("same-token");
    }
}
