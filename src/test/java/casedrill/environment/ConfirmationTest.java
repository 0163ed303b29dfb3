package casedrill.environment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Loopback environments need no typed name; real hosts need exactly the environment's own name. */
class ConfirmationTest {
    private static final Environment LOOPBACK = EnvironmentLoader.load(Path.of("src/test/resources/environments/loopback-two-dc.yaml"));
    private static final Environment STAGING = EnvironmentLoader.load(Path.of("scenarios/environment/staging-two-dc.yaml"));

    @Test
    void aLoopbackEnvironmentNeedsNoConfirmation() {
        assertThatCode(() -> Confirmation.require(LOOPBACK, null)).doesNotThrowAnyException();
    }

    @Test
    void realHostsNeedTheEnvironmentsOwnName() {
        assertThatThrownBy(() -> Confirmation.require(STAGING, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("confirm with --confirm-environment staging-two-dc");
        assertThatThrownBy(() -> Confirmation.require(STAGING, "Staging-Two-DC")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--confirm-environment Staging-Two-DC does not name environment staging-two-dc; nothing was started");
        assertThatCode(() -> Confirmation.require(STAGING, "staging-two-dc")).doesNotThrowAnyException();
    }
}
