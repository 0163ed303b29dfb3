package casedrill.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class NeedsTest {
    private final String before = System.getProperty(Needs.REQUIRE_ALL);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(Needs.REQUIRE_ALL);
        } else {
            System.setProperty(Needs.REQUIRE_ALL, before);
        }
    }

    @Test
    void aMissingPreconditionFailsUnderMakeTest() {
        System.setProperty(Needs.REQUIRE_ALL, "true");
        assertThatThrownBy(() -> Needs.that(false, "iptables")).isInstanceOf(AssertionError.class)
                .hasMessage("precondition not met under make test (-Dcasedrill.test.requireAll): iptables");
    }

    @Test
    void aMissingPreconditionSkipsWhenRunByHand() {
        System.setProperty(Needs.REQUIRE_ALL, "false");
        assertThatThrownBy(() -> Needs.that(false, "iptables")).isInstanceOf(TestAbortedException.class);
    }

    @Test
    void aMetPreconditionPassesEitherWay() {
        System.setProperty(Needs.REQUIRE_ALL, "true");
        assertThatCode(() -> Needs.that(true, "iptables")).doesNotThrowAnyException();
    }
}
