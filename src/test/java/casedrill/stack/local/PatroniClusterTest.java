package casedrill.stack.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatroniClusterTest {
    @Test
    void membersCarryLagAndTimelineAndMinusOneWhereUnknown() {
        String body = """
                {"members": [
                  {"name": "pg-dc1", "role": "leader", "state": "running", "timeline": 2},
                  {"name": "pg-dc2", "role": "sync_standby", "state": "streaming", "timeline": 2, "lag": 4096},
                  {"name": "pg-dc3", "role": "replica", "state": "stopped", "lag": "unknown"}]}""";
        assertThat(PatroniCluster.parse(body)).containsExactly(
                new PatroniCluster.Member("pg-dc1", "leader", "running", -1, 2),
                new PatroniCluster.Member("pg-dc2", "sync_standby", "streaming", 4096, 2),
                new PatroniCluster.Member("pg-dc3", "replica", "stopped", -1, -1));
    }
}
