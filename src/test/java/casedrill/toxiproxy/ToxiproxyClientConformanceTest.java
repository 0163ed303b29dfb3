package casedrill.toxiproxy;

import static eu.rekawek.toxiproxy.model.ToxicDirection.DOWNSTREAM;
import static eu.rekawek.toxiproxy.model.ToxicDirection.UPSTREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.toxiproxy.api.ToxiproxyServer;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every endpoint and toxic through the official client, toxiproxy-java 2.1.11. */
class ToxiproxyClientConformanceTest {
    private static ToxiproxyServer server;
    private static EchoServer echo;
    /** Fresh per test: the client's reset() re-reads every proxy object it ever handed out. */
    private ToxiproxyClient client;

    @BeforeAll
    static void start() {
        server = ToxiproxyServer.start(new InetSocketAddress("127.0.0.1", 0));
        echo = EchoServer.start();
    }

    @BeforeEach
    void newClient() {
        client = new ToxiproxyClient("127.0.0.1", server.apiPort());
    }

    @AfterAll
    static void stop() {
        server.close();
        echo.close();
    }

    @AfterEach
    void deleteAll() throws IOException {
        for (Proxy p : new ToxiproxyClient("127.0.0.1", server.apiPort()).getProxies()) {
            p.delete();
        }
    }

    @Test
    void versionIsTheReferenceRelease() throws IOException {
        assertThat(client.version()).contains("2.12.0");
    }

    @Test
    void createReportsTheBoundPortAndGetListsSorted() throws IOException {
        Proxy b = client.createProxy("test-proxy1", "127.0.0.1:0", echo.address());
        client.createProxy("test-proxy2", "localhost:0", echo.address());
        client.createProxy("test-proxy0", "127.0.0.1:0", echo.address());

        assertThat(b.getListen()).as("port 0 is replaced by the real port").matches("127\\.0\\.0\\.1:[1-9]\\d*");
        assertThat(b.isEnabled()).isTrue();
        assertThat(b.getUpstream()).isEqualTo(echo.address());
        assertThat(client.getProxy("test-proxy2").getListen()).startsWith("127.0.0.1:");
        assertThat(client.getProxies()).extracting(Proxy::getName).containsExactly("test-proxy0", "test-proxy1", "test-proxy2");
    }

    @Test
    void duplicateNamesAndUnknownProxiesAreErrors() throws IOException {
        client.createProxy("dup", "127.0.0.1:0", echo.address());

        assertThatThrownBy(() -> client.createProxy("dup", "127.0.0.1:0", echo.address()))
                .isInstanceOf(IOException.class).hasMessage("[409] proxy already exists");
        assertThatThrownBy(() -> client.getProxy("nope")).hasMessage("[404] proxy not found");
        assertThat(client.getProxyOrNull("nope")).isNull();
    }

    @Test
    void disableRefusesConnectionsAndEnableRebindsTheSamePort() throws IOException {
        Proxy p = client.createProxy("toggle", "127.0.0.1:0", echo.address());
        String listen = p.getListen();

        p.disable();
        assertThat(client.getProxy("toggle").isEnabled()).isFalse();
        assertThatThrownBy(() -> Net.connect(listen)).as("listener closed").isInstanceOf(IOException.class);

        p.enable();
        Proxy again = client.getProxy("toggle");
        assertThat(again.isEnabled()).isTrue();
        assertThat(again.getListen()).isEqualTo(listen);
        assertEchoes(listen);
    }

    @Test
    void setListenAndSetUpstreamArePartialUpdates() throws IOException {
        Proxy p = client.createProxy("moving", "127.0.0.1:0", "127.0.0.1:1");
        p.setUpstream(echo.address());
        assertThat(client.getProxy("moving").getUpstream()).isEqualTo(echo.address());

        p.setListen("127.0.0.1:0");
        Proxy moved = client.getProxy("moving");
        assertThat(moved.getListen()).isNotEqualTo("127.0.0.1:0").startsWith("127.0.0.1:");
        assertThat(moved.isEnabled()).isTrue();
        assertEchoes(moved.getListen());
    }

    @Test
    void deleteRemovesAndResetReenablesAndClearsToxics() throws IOException {
        ToxiproxyClient other = new ToxiproxyClient("127.0.0.1", server.apiPort());
        other.createProxy("gone", "127.0.0.1:0", echo.address()).delete();
        assertThat(client.getProxyOrNull("gone")).isNull();

        Proxy p = client.createProxy("resettable", "127.0.0.1:0", echo.address());
        p.toxics().latency("lat", DOWNSTREAM, 1000);
        p.disable();
        client.reset();

        Proxy after = client.getProxy("resettable");
        assertThat(after.isEnabled()).isTrue();
        assertThat(after.toxics().getAll()).isEmpty();
        assertEchoes(after.getListen());
    }

    @Test
    void latencyCreateGetUpdateRemove() throws IOException {
        Proxy p = client.createProxy("lat", "127.0.0.1:0", echo.address());
        Latency latency = p.toxics().latency("lat-down", DOWNSTREAM, 100);
        assertThat(latency.getLatency()).isEqualTo(100);
        assertThat(latency.getJitter()).isZero();
        assertThat(latency.getStream()).isEqualTo(DOWNSTREAM);
        assertThat(latency.getToxicity()).isEqualTo(1.0f);

        latency.setJitter(20).setLatency(150);
        Latency read = p.toxics().get("lat-down", Latency.class);
        assertThat(read.getLatency()).isEqualTo(150);
        assertThat(read.getJitter()).as("attribute updates merge").isEqualTo(20);

        latency.setToxicity(0.5f);
        Latency halved = p.toxics().get("lat-down", Latency.class);
        assertThat(halved.getToxicity()).isEqualTo(0.5f);
        assertThat(halved.getLatency()).as("toxicity update keeps attributes").isEqualTo(150);

        latency.remove();
        assertThat(p.toxics().getAll()).isEmpty();
        assertThatThrownBy(() -> p.toxics().get("lat-down")).hasMessage("[404] toxic not found");
    }

    @Test
    void everyToxicTypeRoundTripsThroughTheClient() throws IOException {
        Proxy p = client.createProxy("all", "127.0.0.1:0", echo.address());
        p.toxics().latency("a-latency", UPSTREAM, 10);
        Bandwidth bandwidth = p.toxics().bandwidth("b-bandwidth", DOWNSTREAM, 100);
        Slicer slicer = p.toxics().slicer("c-slicer", UPSTREAM, 64, 10);
        SlowClose slowClose = p.toxics().slowClose("d-slow-close", DOWNSTREAM, 50);
        Timeout timeout = p.toxics().timeout("e-timeout", UPSTREAM, 0);
        LimitData limit = p.toxics().limitData("f-limit", DOWNSTREAM, 1_000_000);
        ResetPeer reset = p.toxics().resetPeer("g-reset", UPSTREAM, 0);

        bandwidth.setRate(200);
        slicer.setSizeVariation(8).setDelay(20);
        slowClose.setDelay(60);
        timeout.setTimeout(5_000);
        limit.setBytes(2_000_000);
        reset.setTimeout(10);

        assertThat(p.toxics().getAll()).as("upstream chain first, then downstream, in creation order")
                .extracting(Toxic::getName)
                .containsExactly("a-latency", "c-slicer", "e-timeout", "g-reset", "b-bandwidth", "d-slow-close", "f-limit");
        assertThat(p.toxics().get("b-bandwidth", Bandwidth.class).getRate()).isEqualTo(200);
        Slicer s = p.toxics().get("c-slicer", Slicer.class);
        assertThat(new long[] {s.getAverageSize(), s.getSizeVariation(), s.getDelay()}).containsExactly(64, 8, 20);
        assertThat(p.toxics().get("d-slow-close", SlowClose.class).getDelay()).isEqualTo(60);
        assertThat(p.toxics().get("e-timeout", Timeout.class).getTimeout()).isEqualTo(5_000);
        assertThat(p.toxics().get("f-limit", LimitData.class).getBytes()).isEqualTo(2_000_000);
        assertThat(p.toxics().get("g-reset", ResetPeer.class).getTimeout()).isEqualTo(10);

        for (Toxic t : p.toxics().getAll()) {
            t.remove();
        }
        assertThat(p.toxics().getAll()).isEmpty();
    }

    @Test
    void toxicNamesAreUniqueAcrossDirections() throws IOException {
        Proxy p = client.createProxy("names", "127.0.0.1:0", echo.address());
        p.toxics().latency("same", UPSTREAM, 1);

        assertThatThrownBy(() -> p.toxics().bandwidth("same", DOWNSTREAM, 1)).hasMessage("[409] toxic already exists");
    }

    @Test
    void resetAfterADeletedTrackedProxyFailsLikeTheReference() throws IOException {
        Proxy p = client.createProxy("tracked", "127.0.0.1:0", echo.address());
        client.getProxy("tracked").delete();

        assertThatThrownBy(client::reset).hasMessage("[404] proxy not found");
        assertThat(p.getName()).isEqualTo("tracked");
    }

    private static void assertEchoes(String listen) throws IOException {
        try (Socket s = Net.connect(listen)) {
            s.getOutputStream().write("ping".getBytes());
            assertThat(new String(Net.readExactly(s, 4))).isEqualTo("ping");
        }
    }
}
