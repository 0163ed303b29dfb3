package casedrill.toxiproxy;

import static eu.rekawek.toxiproxy.model.ToxicDirection.DOWNSTREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.toxiproxy.ToxiproxyContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers' own Toxiproxy module, unchanged, drives an image of this server: its name check,
 * its wait strategy (GET /version on 8474), its ports, and the toxiproxy-java usage its docs show.
 * Needs a Docker engine and the local image: see src/test/docker/.
 */
@Tag("docker")
class TestcontainersToxiproxyModuleTest {
    private static final int LATENCY_MS = 300;
    private static ToxiproxyContainer toxiproxy;
    private static EchoServer upstream;

    @BeforeAll
    static void start() {
        LocalToxiproxyImage.requireBuilt();
        toxiproxy = new ToxiproxyContainer(LocalToxiproxyImage.IMAGE).withImagePullPolicy(LocalToxiproxyImage.NEVER_PULL);
        toxiproxy.start();
        // The upstream runs on the host, reachable from the container at the bridge gateway.
        upstream = EchoServer.start(LocalToxiproxyImage.bridgeGateway(toxiproxy));
    }

    @AfterAll
    static void stop() {
        if (toxiproxy != null) {
            toxiproxy.stop();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void theModuleAcceptsOnlyImagesDeclaredCompatible() {
        assertThatThrownBy(() -> new ToxiproxyContainer(DockerImageName.parse(LocalToxiproxyImage.NAME)))
                .as("the module checks the image name before anything runs")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shopify/toxiproxy");
    }

    @Test
    void theModuleStartsTheServerAndMapsItsPorts() throws IOException {
        assertThat(toxiproxy.isRunning()).as("started and passed the module's wait strategy").isTrue();
        assertThat(toxiproxy.getHost()).isNotBlank();
        assertThat(toxiproxy.getControlPort()).as("control port is the mapped 8474").isEqualTo(toxiproxy.getMappedPort(8474));

        ToxiproxyClient client = new ToxiproxyClient(toxiproxy.getHost(), toxiproxy.getControlPort());
        assertThat(client.version()).contains("2.12.0");
    }

    @Test
    void aProxyOnAMappedPortCarriesTrafficAndALatencyToxicComesAndGoes() throws IOException {
        ToxiproxyClient client = new ToxiproxyClient(toxiproxy.getHost(), toxiproxy.getControlPort());
        Proxy proxy = client.createProxy("echo", "0.0.0.0:8666", upstream.address());
        try (Socket s = Net.connect(toxiproxy.getHost(), toxiproxy.getMappedPort(8666))) {
            roundTrip(s, "warm-up");
            assertThat(roundTrip(s, "direct")).as("without toxics, through docker-proxy and the container").isLessThan(LATENCY_MS);

            proxy.toxics().latency("latency_downstream", DOWNSTREAM, LATENCY_MS);
            assertThat(proxy.toxics().getAll()).extracting(Toxic::getName).containsExactly("latency_downstream");
            assertThat(roundTrip(s, "delayed")).as("the latency toxic applies to a live connection").isGreaterThanOrEqualTo(LATENCY_MS);

            proxy.toxics().get("latency_downstream").remove();
            assertThat(proxy.toxics().getAll()).isEmpty();
            assertThat(roundTrip(s, "restored")).as("after the toxic is removed").isLessThan(LATENCY_MS);
        } finally {
            proxy.delete();
        }
    }

    /** Sends {@code message}, checks it comes back intact and returns the round trip in milliseconds. */
    private static long roundTrip(Socket s, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        s.getOutputStream().write(bytes);
        byte[] echoed = Net.readExactly(s, bytes.length);
        long millis = Net.millisSince(start);
        assertThat(new String(echoed, StandardCharsets.US_ASCII)).as("echo of '%s'", message).isEqualTo(message);
        return millis;
    }
}
