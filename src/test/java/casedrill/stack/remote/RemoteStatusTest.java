package casedrill.stack.remote;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.environment.EnvironmentLoader;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Status of the loopback environment with only a stand-in for Patroni's REST API on pg-dc1 (a literal /cluster
 * answer): starting a real Patroni needs etcd and PostgreSQL, which is a heavy test. Every other node is absent,
 * so its probe must say so within the timeout.
 */
class RemoteStatusTest {
    private static final String CLUSTER = """
            {"members": [
              {"name": "pg-dc1", "role": "leader", "state": "running", "timeline": 3},
              {"name": "pg-dc2", "role": "sync_standby", "state": "streaming", "lag": 128, "timeline": 3}]}""";
    private HttpServer patroni;

    @AfterEach
    void stop() {
        if (patroni != null) {
            patroni.stop(0);
        }
    }

    @Test
    void readsLeaderRolesAndLagFromPatroniAndProbesEveryNode() throws Exception {
        patroni = HttpServer.create(new InetSocketAddress("127.0.1.11", 8008), 0);
        patroni.createContext("/cluster", exchange -> {
            byte[] body = CLUSTER.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        patroni.start();
        RemoteStack stack = new RemoteStack(EnvironmentLoader.load(Path.of("src/test/resources/environments/loopback-two-dc.yaml")));

        var status = stack.status();

        assertThat(status.leader()).as("leader from /cluster").isEqualTo("pg-dc1");
        assertThat(status.node("pg-dc2").role()).as("pg-dc2's role from /cluster").isEqualTo("sync_standby");
        assertThat(status.replication()).as("replicas").extracting(r -> r.name() + " " + r.lagBytes() + " " + r.timeline())
                .containsExactly("pg-dc1 -1 3", "pg-dc2 128 3");
        assertThat(status.nodes()).as("one entry per environment node").hasSize(12);
        assertThat(status.node("app-dc1-a").healthy()).as("absent app is not healthy").isFalse();
        assertThat(status.node("app-dc1-a").health()).as("probe names the readiness URL").contains("/actuator/health/readiness");
        assertThat(status.node("etcd-dc1").health()).contains("/health");
        assertThat(status.node("db-router-dc1").health()).as("TCP probe").startsWith("tcp 127.0.1.12:5000");
        assertThat(status.allHealthy()).isFalse();
    }
}
