package casedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import casedrill.outcome.ExitCode;
import casedrill.testing.LocalPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** `casedrill node app` as the harness runs it: its own process, secrets from the environment. */
class NodeCommandTest {
    private static final Map<String, String> TOKENS = Map.of(
            "CASEDRILL_TOKEN_CLIENT", "node-test-client-0123456789",
            "CASEDRILL_TOKEN_OFFICER", "node-test-officer-0123456789",
            "CASEDRILL_TOKEN_PARTNER", "node-test-partner-0123456789");

    @Test
    void aMissingTokenRefusesToStartWithOneSentenceAndExit2() throws Exception {
        Map<String, String> env = new HashMap<>(TOKENS);
        env.remove("CASEDRILL_TOKEN_OFFICER");
        assertThat(refusal(env, "--site", "dc1", "--bind", "127.0.0.1:0"))
                .isEqualTo("node app-dc1-a: CASEDRILL_TOKEN_OFFICER is not set: every role needs an API token.");
    }

    @Test
    void aSiteNameThatCouldBreakAHeaderIsInvalidInput() throws Exception {
        assertThat(refusal(TOKENS, "--site", "DC 1", "--bind", "127.0.0.1:0")).isEqualTo(
                "node app-dc1-a: site must be lower-case letters, digits, '.' or '-' (at most 63), but was 'DC 1'.");
    }

    @Test
    void aBadBindAddressIsInvalidInput() throws Exception {
        assertThat(refusal(TOKENS, "--site", "dc1", "--bind", "127.0.0.1"))
                .isEqualTo("--bind must be HOST:PORT, but was '127.0.0.1'.");
    }

    /** Runs a node that must refuse to start (exit 2) and returns what it printed. */
    private static String refusal(Map<String, String> env, String... siteAndBind) throws Exception {
        List<String> args = new ArrayList<>(List.of(siteAndBind));
        args.addAll(List.of("--name", "app-dc1-a", "--db", "jdbc:postgresql://127.0.0.1:1/cases"));
        try (NodeProcess node = NodeProcess.start(env, args.toArray(String[]::new))) {
            assertThat(node.process().waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
            assertThat(node.process().exitValue()).isEqualTo(ExitCode.INVALID_INPUT.code());
            return node.output().strip();
        }
    }

    @Test
    void aNodeAnnouncesReadinessServesAndStopsOnSigterm() throws Exception {
        try (LocalPostgres pg = LocalPostgres.start()) {
            try (Connection c = pg.connect("postgres")) {
                c.createStatement().execute("CREATE ROLE cases_app LOGIN PASSWORD 'secret-pw'");
                c.createStatement().execute("CREATE DATABASE cases OWNER cases_app");
            }
            int port = freePort();
            Map<String, String> env = new HashMap<>(TOKENS);
            env.put("CASEDRILL_DB_PASSWORD", "secret-pw");
            try (NodeProcess node = NodeProcess.start(env, "--site", "dc2", "--name", "app-dc2-b",
                    "--bind", "127.0.0.1:" + port, "--db", pg.jdbcUrl("cases"), "--db-user", "cases_app")) {
                await("ready line").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                        .until(() -> node.output().contains("casedrill node app-dc2-b ready on 127.0.0.1:" + port + " in "));

                HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(ready.statusCode()).isEqualTo(200);
                assertThat(ready.headers().firstValue("X-Served-By-Site")).hasValue("dc2");

                pg.close();
                await("readiness down without its database").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500)).until(() -> readiness(port) == 503);

                node.process().destroy(); // SIGTERM
                assertThat(node.process().waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
                assertThat(node.process().exitValue()).isEqualTo(143);
                assertThat(node.output()).doesNotContain("secret-pw", TOKENS.get("CASEDRILL_TOKEN_OFFICER"));
            }
        }
    }

    private static int readiness(int port) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The CLI in a child JVM on the test class path; killed by PID if still running at close. */
    record NodeProcess(Process process, Path log) implements AutoCloseable {
        static NodeProcess start(Map<String, String> env, String... nodeArgs) throws IOException {
            Path log = Files.createTempFile("casedrill-node", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "node", "app"));
            command.addAll(List.of(nodeArgs));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("CASEDRILL_"));
            pb.environment().putAll(env);
            return new NodeProcess(pb.start(), log);
        }

        String output() throws IOException {
            return Files.readString(log);
        }

        @Override
        public void close() throws IOException {
            try {
                if (process.isAlive()) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                Files.deleteIfExists(log);
            }
        }
    }
}
