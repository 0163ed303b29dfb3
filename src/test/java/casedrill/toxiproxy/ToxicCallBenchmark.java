package casedrill.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.toxiproxy.api.ToxiproxyServer;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The toxic API call alone, with more calls than {@link ToxiproxyBenchmark} gives it, beside the same
 * client's round-trip floor; through the official client first, then through bare HTTP on one socket
 * ({@link LeanToxicApiClient}), which shows the server's share without the official client's own cost. Writes target/toxic-call-benchmark.md. Run:
 * {@code mvn -q -B test -Pbench -Dtest=ToxicCallBenchmark}; {@code -Dcalls=N} changes the count.
 */
@Tag("bench")
class ToxicCallBenchmark {
    private static final int WARMUP = 500;

    @Test
    void toxicCallBesideTheClientsFloor() throws Exception {
        int calls = Integer.getInteger("calls", 2_000);
        try (BenchPeers.Servers servers = new BenchPeers.Servers();
             ToxiproxyServer toxiproxy = ToxiproxyServer.start(new InetSocketAddress("127.0.0.1", 0))) {
            ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", toxiproxy.apiPort());
            Proxy echo = client.createProxy("echo", "127.0.0.1:0", "127.0.0.1:" + BenchPeers.Servers.port(servers.echo));
            ToxicCalls official = ToxicCalls.measure(client, echo, WARMUP, calls);
            ToxicCalls lean;
            try (LeanToxicApiClient bare = new LeanToxicApiClient("127.0.0.1", toxiproxy.apiPort(), echo.getName())) {
                lean = ToxicCalls.measure(bare, ToxicCalls.port(echo), WARMUP, calls);
            }
            String report = "Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
                    + System.getProperty("java.vm.name") + " " + Runtime.version() + ", load average "
                    + Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + " at the end.\n\n" + official.rows() + "\n\n"
                    + lean.rows() + "\n";
            Files.writeString(Path.of("target", "toxic-call-benchmark.md"), report);
            System.out.println(report);
            for (ToxicCalls measured : new ToxicCalls[] {official, lean}) {
                assertThat(measured.notInEffect()).as("%s: added toxics whose effect was not in place when the call returned",
                        measured.client()).isZero();
            }
        }
    }
}
