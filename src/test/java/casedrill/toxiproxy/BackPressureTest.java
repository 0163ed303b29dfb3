package casedrill.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import casedrill.toxiproxy.api.ToxiproxyServer;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An upstream that never reads must stop the proxy from reading the client: the client's writes
 * block after a bounded amount (socket buffers plus the proxy's own bound), with or without a
 * toxic holding data.
 */
class BackPressureTest {
    /** Loopback socket buffers can hold several MB each way; unbounded buffering would pass this quickly. */
    private static final long BOUND = 64L * 1024 * 1024;

    @ParameterizedTest
    @ValueSource(strings = {"none", "latency", "bandwidth"})
    void aStuckUpstreamStopsTheClientSide(String toxic) throws Exception {
        try (ToxiproxyServer server = ToxiproxyServer.start(new InetSocketAddress("127.0.0.1", 0));
             ServerSocket neverReads = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            Proxy proxy = new ToxiproxyClient("127.0.0.1", server.apiPort())
                    .createProxy("stuck", "127.0.0.1:0", "127.0.0.1:" + neverReads.getLocalPort());
            if (toxic.equals("latency")) {
                proxy.toxics().latency("t", ToxicDirection.UPSTREAM, 5);
            } else if (toxic.equals("bandwidth")) {
                proxy.toxics().bandwidth("t", ToxicDirection.UPSTREAM, 100_000);
            }
            AtomicLong written = new AtomicLong();
            try (Acceptor upstream = new Acceptor(neverReads); Socket client = Net.connect(proxy.getListen())) {
                Thread writer = new Thread(() -> writeUntilBlocked(client, written), "writer");
                writer.setDaemon(true);
                writer.start();

                long[] last = {-1};
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(400)).until(() -> {
                    long now = written.get();
                    boolean stalled = now == last[0] && now > 0;
                    last[0] = now;
                    return stalled;
                });
                assertThat(written.get()).as("bytes accepted before the client blocked").isLessThan(BOUND);
                assertThat(upstream.connected()).as("the proxy dialled the upstream").isTrue();
            }
        }
    }

    /** Accepts the proxy's upstream connection in the background and never reads from it. */
    private static final class Acceptor implements AutoCloseable {
        private volatile Socket accepted;
        private final Thread thread;

        Acceptor(ServerSocket server) {
            thread = new Thread(() -> {
                try {
                    accepted = server.accept();
                } catch (IOException ignored) {
                    // the server socket was closed by the test
                }
            }, "acceptor");
            thread.setDaemon(true);
            thread.start();
        }

        boolean connected() {
            return accepted != null;
        }

        @Override
        public void close() throws IOException {
            if (accepted != null) {
                accepted.close();
            }
        }
    }

    private static void writeUntilBlocked(Socket client, AtomicLong written) {
        byte[] block = new byte[64 * 1024];
        try {
            OutputStream out = client.getOutputStream();
            while (written.get() < 4 * BOUND) {
                out.write(block);
                written.addAndGet(block.length);
            }
        } catch (IOException ignored) {
            // the test closed the socket
        }
    }
}
