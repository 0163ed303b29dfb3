package casedrill.stack.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Maintenance mode through Patroni's REST API against stand-ins answering like Patroni 4 (bodies copied from a real
 * member): the flag parsed from literal /config and /patroni bodies, the PATCH sent to the first member that answers,
 * the read-back, the wait for a member whose HA loop has not acted yet, and the refusals naming what was seen.
 */
class PatroniPauseTest {
    private static final String CONFIG_PAUSED = """
            {"loop_wait": 1, "ttl": 20, "retry_timeout": 4, "maximum_lag_on_failover": 1048576, "synchronous_mode": true,\
             "postgresql": {"use_pg_rewind": true, "use_slots": true}, "pause": true}""";
    private static final String CONFIG_RESUMED = """
            {"loop_wait": 1, "ttl": 20, "retry_timeout": 4, "synchronous_mode": true, "pause": false}""";
    private static final String MEMBER_PAUSED = """
            {"state": "running", "role": "primary", "server_version": 150010, "xlog": {"location": 50331648}, "timeline": 1,\
             "pause": true, "patroni": {"version": "4.0.7", "scope": "two-dc", "name": "pg-dc1"}}""";
    private static final String MEMBER_RUNNING = """
            {"state": "running", "role": "replica", "server_version": 150010, "timeline": 1,\
             "patroni": {"version": "4.0.7", "scope": "two-dc", "name": "pg-dc2"}}""";

    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void readsTheFlagFromPatronisBodiesAbsentMeaningNotPaused() {
        assertThat(PatroniPause.pauseIn(CONFIG_PAUSED)).as("/config paused").isTrue();
        assertThat(PatroniPause.pauseIn(CONFIG_RESUMED)).as("/config after PATCH pause=false").isFalse();
        assertThat(PatroniPause.pauseIn(MEMBER_PAUSED)).as("/patroni of a paused member").isTrue();
        assertThat(PatroniPause.pauseIn(MEMBER_RUNNING)).as("/patroni leaves the key out when not paused").isFalse();
        assertThat(PatroniPause.body(true)).isEqualTo("{\"pause\": true}");
    }

    @Test
    void patchesTheFirstMemberThatAnswersAndWaitsUntilEveryAnsweringMemberReportsTheFlag() throws Exception {
        AtomicBoolean paused = new AtomicBoolean(false);
        List<String> patches = new ArrayList<>();
        // Patroni serves /config from its last loop's view, so even pg-dc1 reads the flag back only at the second GET;
        // pg-dc2's HA loop acts on it only at its third look, like a member between two loops.
        AtomicInteger configReads = new AtomicInteger();
        AtomicInteger looksAtDc2 = new AtomicInteger();
        Node dc1 = member("pg-dc1", "127.0.9.11", Map.of(
                "/config", ex -> {
                    if (ex.getRequestMethod().equals("PATCH")) {
                        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                        patches.add(body);
                        paused.set(PatroniPause.pauseIn(body));
                        answer(ex, 200, CONFIG_PAUSED);
                        return;
                    }
                    answer(ex, 200, paused.get() && configReads.incrementAndGet() >= 2 ? CONFIG_PAUSED : CONFIG_RESUMED);
                },
                "/patroni", ex -> answer(ex, 200, paused.get() ? MEMBER_PAUSED : MEMBER_RUNNING)));
        Node dc2 = member("pg-dc2", "127.0.9.12", Map.of(
                "/patroni", ex -> answer(ex, 200, paused.get() && looksAtDc2.incrementAndGet() >= 3 ? MEMBER_PAUSED : MEMBER_RUNNING)));
        Node down = new Node("pg-dc3", NodeKind.POSTGRES, "dc3", "127.0.9.13", Map.of("patroni", 9));

        new PatroniPause(List.of(down, dc1, dc2), Duration.ofSeconds(1), Duration.ofSeconds(10)).set(true);

        assertThat(patches).as("PATCH bodies sent (the member that does not answer is skipped)").containsExactly("{\"pause\": true}");
        assertThat(configReads.get()).as("reads of pg-dc1's /config until it read the flag back").isGreaterThanOrEqualTo(2);
        assertThat(looksAtDc2.get()).as("reads of pg-dc2's /patroni until it reported the flag").isEqualTo(3);
    }

    @Test
    void aMemberThatNeverReportsTheFlagIsNamedOnTimeout() throws Exception {
        AtomicBoolean paused = new AtomicBoolean(false);
        Node dc1 = member("pg-dc1", "127.0.9.11", Map.of(
                "/config", ex -> {
                    if (ex.getRequestMethod().equals("PATCH")) {
                        paused.set(PatroniPause.pauseIn(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                    }
                    answer(ex, 200, paused.get() ? CONFIG_PAUSED : CONFIG_RESUMED);
                },
                "/patroni", ex -> answer(ex, 200, MEMBER_PAUSED)));
        Node dc2 = member("pg-dc2", "127.0.9.12", Map.of("/patroni", ex -> answer(ex, 200, MEMBER_RUNNING)));

        assertThatThrownBy(() -> new PatroniPause(List.of(dc1, dc2), Duration.ofSeconds(1), Duration.ofSeconds(1)).set(true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("still no pause=true in pg-dc2's /patroni 1 s after the cluster's configuration was set to it");
    }

    @Test
    void aPatchThatNeverReadsBackIsRefusedNamingWhere() throws Exception {
        Node dc1 = member("pg-dc1", "127.0.9.11", Map.of("/config", ex -> {
            ex.getRequestBody().readAllBytes();
            answer(ex, 200, CONFIG_RESUMED);
        }));

        assertThatThrownBy(() -> new PatroniPause(List.of(dc1), Duration.ofSeconds(1), Duration.ofSeconds(1)).set(true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("still no pause=true in pg-dc1's /config 1 s after the cluster's configuration was set to it");
    }

    @Test
    void noMemberAnsweringIsRefusedNamingEachOne() {
        Node a = new Node("pg-dc1", NodeKind.POSTGRES, "dc1", "127.0.9.11", Map.of("patroni", 9));

        assertThatThrownBy(() -> new PatroniPause(List.of(a), Duration.ofSeconds(1), Duration.ofSeconds(1)).set(false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no Patroni member took pause=false (http://127.0.9.11:9: ");
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private Node member(String name, String address, Map<String, Handler> paths) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        paths.forEach((path, handler) -> server.createContext(path, handler::handle));
        server.start();
        servers.add(server);
        return new Node(name, NodeKind.POSTGRES, "dc1", address, Map.of("patroni", server.getAddress().getPort()));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
