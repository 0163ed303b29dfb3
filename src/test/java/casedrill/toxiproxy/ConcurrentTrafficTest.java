package casedrill.toxiproxy;

import static eu.rekawek.toxiproxy.model.ToxicDirection.DOWNSTREAM;
import static eu.rekawek.toxiproxy.model.ToxicDirection.UPSTREAM;
import static org.assertj.core.api.Assertions.assertThat;

import casedrill.toxiproxy.api.ToxiproxyServer;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * 500 live connections echo random bursts through one proxy while toxics are added and removed
 * in both directions: every byte must come back once, in order (compared byte for byte and by
 * CRC-32 per connection).
 */
class ConcurrentTrafficTest {
    private static final int CONNECTIONS = 500;
    private static final int ROUNDS = 12;

    record Outcome(long sentCrc, long receivedCrc, long bytes, boolean identical) {}

    @Test
    void noByteLostReorderedOrDuplicatedWhileToxicsComeAndGo() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS + 1);
        try (ToxiproxyServer server = ToxiproxyServer.start(new InetSocketAddress("127.0.0.1", 0));
             EchoServer echo = EchoServer.start()) {
            ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.apiPort());
            Proxy proxy = client.createProxy("busy", "127.0.0.1:0", echo.address());

            CountDownLatch connected = new CountDownLatch(CONNECTIONS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                int seed = i;
                outcomes.add(pool.submit(() -> exchange(proxy.getListen(), seed, connected, go)));
            }
            assertThat(connected.await(30, TimeUnit.SECONDS)).as("all connections open at once").isTrue();

            AtomicBoolean trafficDone = new AtomicBoolean();
            AtomicInteger toggles = new AtomicInteger();
            Future<?> toggler = pool.submit(() -> {
                while (!trafficDone.get()) {
                    proxy.toxics().latency("lat", UPSTREAM, 3).setJitter(2);
                    proxy.toxics().slicer("slices", DOWNSTREAM, 700, 50).setSizeVariation(100);
                    proxy.toxics().bandwidth("bw", DOWNSTREAM, 20_000);
                    go.countDown();
                    Thread.sleep(20);
                    proxy.toxics().get("slices").remove();
                    proxy.toxics().get("lat").remove();
                    proxy.toxics().get("bw").remove();
                    toggles.incrementAndGet();
                    Thread.sleep(10);
                }
                return null;
            });

            long bytes = 0;
            for (Future<Outcome> f : outcomes) {
                Outcome o = f.get(90, TimeUnit.SECONDS);
                assertThat(o.identical()).as("echoed bytes equal the sent bytes").isTrue();
                assertThat(o.receivedCrc()).isEqualTo(o.sentCrc());
                bytes += o.bytes();
            }
            trafficDone.set(true);
            toggler.get(30, TimeUnit.SECONDS);
            assertThat(toggles.get()).as("toxic add/remove cycles while traffic flowed").isGreaterThanOrEqualTo(3);
            assertThat(bytes).isGreaterThan((long) CONNECTIONS * ROUNDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome exchange(String listen, int seed, CountDownLatch connected, CountDownLatch go)
            throws IOException, InterruptedException {
        Random random = new Random(seed);
        CRC32 sent = new CRC32();
        CRC32 received = new CRC32();
        boolean identical = true;
        long bytes = 0;
        try (Socket s = Net.connect(listen)) {
            s.setSoTimeout(30_000);
            connected.countDown();
            go.await();
            OutputStream out = s.getOutputStream();
            for (int round = 0; round < ROUNDS; round++) {
                byte[] burst = new byte[1 + random.nextInt(16_384)];
                random.nextBytes(burst);
                for (int off = 0; off < burst.length; ) {
                    int piece = Math.min(burst.length - off, 1 + random.nextInt(4096));
                    out.write(burst, off, piece);
                    off += piece;
                }
                sent.update(burst);
                byte[] back = Net.readExactly(s, burst.length);
                received.update(back);
                identical &= Arrays.equals(burst, back);
                bytes += burst.length;
            }
        }
        return new Outcome(sent.getValue(), received.getValue(), bytes, identical);
    }
}
