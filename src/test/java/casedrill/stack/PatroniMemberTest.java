package casedrill.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatroniMemberTest {
    @Test
    void membersCarryLagAndTimelineAndMinusOneWhereUnknown() {
        String body = """
                {"members": [
                  {"name": "pg-dc1", "role": "leader", "state": "running", "timeline": 2},
                  {"name": "pg-dc2", "role": "sync_standby", "state": "streaming", "timeline": 2, "lag": 4096},
                  {"name": "pg-dc3", "role": "replica", "state": "stopped", "lag": "unknown"}]}""";
        assertThat(PatroniMember.parse(body)).containsExactly(
                new PatroniMember("pg-dc1", "leader", "running", -1, 2),
                new PatroniMember("pg-dc2", "sync_standby", "streaming", 4096, 2),
                new PatroniMember("pg-dc3", "replica", "stopped", -1, -1));
    }
}
