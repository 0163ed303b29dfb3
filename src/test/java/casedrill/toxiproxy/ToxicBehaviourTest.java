package casedrill.toxiproxy;

import static eu.rekawek.toxiproxy.model.ToxicDirection.DOWNSTREAM;
import static eu.rekawek.toxiproxy.model.ToxicDirection.UPSTREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.toxiproxy.api.ToxiproxyServer;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each toxic's effect on real loopback connections, applied to live connections through the
 * official client. Time bounds are wide on the slow side: the machine is a loaded 2-core box.
 */
class ToxicBehaviourTest {
    private static ToxiproxyServer server;
    private static EchoServer echo;
    private ToxiproxyClient client;
    private Proxy proxy;

    @BeforeAll
    static void start() {
        server = ToxiproxyServer.start(new InetSocketAddress("127.0.0.1", 0));
        echo = EchoServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        echo.close();
    }

    @BeforeEach
    void createProxy() throws IOException {
        client = new ToxiproxyClient("127.0.0.1", server.apiPort());
        proxy = client.createProxy("echo", "127.0.0.1:0", echo.address());
    }

    @AfterEach
    void deleteProxy() throws IOException {
        proxy.delete();
    }

    @Test
    void latencyAppliesToALiveConnectionAsSoonAsTheCallReturns() throws IOException {
        try (Socket s = Net.connect(proxy.getListen())) {
            assertThat(roundTripMillis(s)).as("no toxic yet").isLessThan(200);

            Latency latency = proxy.toxics().latency("slow", DOWNSTREAM, 300);
            assertThat(roundTripMillis(s)).as("latency 300").isBetween(295L, 1_000L);

            latency.setLatency(100);
            assertThat(roundTripMillis(s)).as("updated to 100").isBetween(95L, 700L);

            latency.remove();
            assertThat(roundTripMillis(s)).as("removed").isLessThan(200);
        }
    }

    @Test
    void latenciesInBothDirectionsAddUp() throws IOException {
        proxy.toxics().latency("up", UPSTREAM, 200);
        proxy.toxics().latency("down1", DOWNSTREAM, 100);
        proxy.toxics().latency("down2", DOWNSTREAM, 50);
        try (Socket s = Net.connect(proxy.getListen())) {
            assertThat(roundTripMillis(s)).isBetween(345L, 1_200L);
        }
    }

    @Test
    void toxicityZeroIsNeverActive() throws IOException {
        proxy.toxics().latency("never", DOWNSTREAM, 2_000).setToxicity(0f);
        try (Socket s = Net.connect(proxy.getListen())) {
            assertThat(roundTripMillis(s)).isLessThan(1_000);
        }
    }

    @Test
    void bandwidthPacesTheLink() throws IOException {
        proxy.toxics().bandwidth("narrow", DOWNSTREAM, 100);
        byte[] data = random(50_000);
        try (Socket s = Net.connect(proxy.getListen())) {
            long start = System.nanoTime();
            s.getOutputStream().write(data);
            byte[] back = Net.readExactly(s, data.length);
            long elapsed = Net.millisSince(start);
            assertThat(back).isEqualTo(data);
            assertThat(elapsed).as("50 KB at 100 KB/s takes 0.5 s").isBetween(450L, 2_500L);
        }
    }

    @Test
    void bandwidthZeroStallsAndRemovalReleasesEveryHeldByte() throws IOException {
        proxy.toxics().bandwidth("cut", DOWNSTREAM, 0);
        byte[] data = random(20_000);
        try (Socket s = Net.connect(proxy.getListen())) {
            s.getOutputStream().write(data);
            s.setSoTimeout(300);
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

            proxy.toxics().get("cut").remove();
            s.setSoTimeout(5_000);
            assertThat(Net.readExactly(s, data.length)).isEqualTo(data);
        }
    }

    @Test
    void timeoutClosesAnIdleConnection() throws IOException {
        try (Socket s = Net.connect(proxy.getListen())) {
            proxy.toxics().timeout("idle", DOWNSTREAM, 300);
            long start = System.nanoTime();
            assertThat(Net.closedByPeer(s)).isTrue();
            assertThat(Net.millisSince(start)).isBetween(250L, 3_000L);
        }
    }

    @Test
    void timeoutZeroBlackHolesAndItsRemovalCloses() throws IOException {
        try (Socket s = Net.connect(proxy.getListen())) {
            proxy.toxics().timeout("hole", UPSTREAM, 0);
            s.getOutputStream().write("lost".getBytes());
            s.setSoTimeout(300);
            assertThatThrownBy(() -> s.getInputStream().read()).as("dropped, never delivered")
                    .isInstanceOf(SocketTimeoutException.class);

            proxy.toxics().get("hole").remove();
            s.setSoTimeout(3_000);
            assertThat(Net.closedByPeer(s)).as("removal closes the connection").isTrue();
        }
        try (Socket fresh = Net.connect(proxy.getListen())) {
            assertThat(roundTripMillis(fresh)).as("new connections are normal").isLessThan(1_000);
        }
    }

    @Test
    void slowCloseHoldsBackTheUpstreamClose() throws IOException {
        try (ServerSocket closer = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            Thread t = new Thread(() -> {
                try (Socket c = closer.accept()) {
                    c.getOutputStream().write("bye".getBytes());
                } catch (IOException ignored) {
                    // the test's assertions report what went wrong
                }
            });
            t.start();
            proxy.setUpstream("127.0.0.1:" + closer.getLocalPort());
            proxy.toxics().slowClose("linger", DOWNSTREAM, 500);
            try (Socket s = Net.connect(proxy.getListen())) {
                long start = System.nanoTime();
                assertThat(new String(Net.readExactly(s, 3))).isEqualTo("bye");
                assertThat(s.getInputStream().read()).isEqualTo(-1);
                assertThat(Net.millisSince(start)).isBetween(450L, 3_000L);
            }
        }
    }

    @Test
    void resetPeerResetsOnTheFirstChunk() throws IOException {
        proxy.toxics().resetPeer("rst", UPSTREAM, 0);
        try (Socket s = Net.connect(proxy.getListen())) {
            s.getOutputStream().write("x".getBytes());
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketException.class)
                    .hasMessageContaining("reset");
        }
    }

    @Test
    void slicerDeliversSmallPiecesSpacedInTime() throws IOException {
        proxy.toxics().slicer("slices", DOWNSTREAM, 10, 20_000);
        byte[] data = random(100);
        try (Socket s = Net.connect(proxy.getListen())) {
            long start = System.nanoTime();
            s.getOutputStream().write(data);
            byte[] back = new byte[data.length];
            int reads = 0;
            for (int off = 0; off < back.length; reads++) {
                int r = s.getInputStream().read(back, off, back.length - off);
                assertThat(r).as("no EOF").isPositive();
                off += r;
            }
            assertThat(back).isEqualTo(data);
            assertThat(reads).as("pieces of 5-10 bytes, 20 ms apart").isGreaterThanOrEqualTo(4);
            assertThat(Net.millisSince(start)).isGreaterThanOrEqualTo(150L);
        }
    }

    @Test
    void limitDataTruncatesThenCloses() throws IOException {
        proxy.toxics().limitData("cap", DOWNSTREAM, 10);
        try (Socket s = Net.connect(proxy.getListen())) {
            OutputStream out = s.getOutputStream();
            out.write("1234567".getBytes());
            assertThat(new String(Net.readExactly(s, 7))).isEqualTo("1234567");
            out.write("123456789".getBytes());
            assertThat(new String(Net.readToEof(s))).isEqualTo("123");
        }
    }

    @Test
    void limitDataCountSurvivesAnUpdate() throws IOException {
        LimitData cap = proxy.toxics().limitData("cap", DOWNSTREAM, 100);
        try (Socket s = Net.connect(proxy.getListen())) {
            s.getOutputStream().write("12345".getBytes());
            assertThat(Net.readExactly(s, 5)).hasSize(5);
            cap.setBytes(8);
            s.getOutputStream().write("abcdefghi".getBytes());
            assertThat(new String(Net.readToEof(s))).isEqualTo("abc");
        }
    }

    @Test
    void disableClosesLiveConnectionsAndUnreachableUpstreamsGiveEof() throws IOException {
        try (Socket s = Net.connect(proxy.getListen())) {
            assertThat(roundTripMillis(s)).isLessThan(1_000);
            proxy.disable();
            assertThat(Net.closedByPeer(s)).isTrue();
        }
        proxy.enable();
        proxy.setUpstream("127.0.0.1:1");
        try (Socket s = Net.connect(proxy.getListen())) {
            assertThat(Net.closedByPeer(s)).as("upstream refused: client sees the close").isTrue();
        }
    }

    @Test
    void changingTheUpstreamClosesLiveConnectionsButKeepsToxics() throws IOException {
        proxy.toxics().latency("kept", DOWNSTREAM, 1);
        try (Socket s = Net.connect(proxy.getListen())) {
            assertThat(roundTripMillis(s)).isLessThan(1_000);
            proxy.setUpstream("localhost:" + echo.port());
            assertThat(Net.closedByPeer(s)).isTrue();
        }
        assertThat(proxy.toxics().getAll()).hasSize(1);
        try (Socket s = Net.connect(proxy.getListen())) {
            assertThat(roundTripMillis(s)).isLessThan(1_000);
        }
    }

    @Test
    void anUpdateThatResolvesToTheSameAddressKeepsLiveConnections() throws IOException {
        try (Socket s = Net.connect(proxy.getListen())) {
            String port = proxy.getListen().substring(proxy.getListen().lastIndexOf(':') + 1);
            proxy.setListen("localhost:" + port);
            assertThat(client.getProxy("echo").getListen()).isEqualTo("127.0.0.1:" + port);
            assertThat(roundTripMillis(s)).as("still connected").isLessThan(1_000);
        }
    }

    private static long roundTripMillis(Socket s) throws IOException {
        long start = System.nanoTime();
        s.getOutputStream().write('p');
        assertThat(Arrays.equals(Net.readExactly(s, 1), new byte[] {'p'})).isTrue();
        return Net.millisSince(start);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
