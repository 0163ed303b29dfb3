package casedrill.toxiproxy.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
    @Test
    void encodesTwelveBytesAsXidDoes() {
        // the example id of github.com/rs/xid's README and its bytes
        assertThat(RequestIds.base32hex(HexFormat.of().parseHex("4d88e15b60f486e428412dc9")))
                .isEqualTo("9m4e2mr0ui3e8a215n4g");
    }

    @Test
    void consecutiveIdsDifferAndHaveTheReferenceShape() {
        String first = RequestIds.next();
        String second = RequestIds.next();
        assertThat(first).as("20 base32hex characters").matches("[0-9a-v]{20}");
        assertThat(second).as("the counter moves").isNotEqualTo(first);
    }
}
