package casedrill.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.toxiproxy.api.ToxiproxyServer;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loopback, side by side in one run: direct to an echo/sink server, through the embedded
 * Toxiproxy server, and through HAProxy in tcp mode. Writes a Markdown table to
 * target/toxiproxy-benchmark.md. Run: {@code mvn -q -B test -Pbench -Dtest=ToxiproxyBenchmark}.
 */
@Tag("bench")
class ToxiproxyBenchmark {
    private static final int ROUNDS = 5;
    private static final double SECONDS = 1;
    private static final int ROUND_TRIPS = 10_000;
    private static final int TOXIC_CALLS = 200;

    record Figures(double mbps, Histogram rtt, double connPerSec) {}

    @Test
    void compareDirectEmbeddedToxiproxyAndHaproxy(@TempDir Path dir) throws Exception {
        try (BenchPeers.Servers servers = new BenchPeers.Servers();
             ToxiproxyServer toxiproxy = ToxiproxyServer.start(new InetSocketAddress("127.0.0.1", 0));
             BenchPeers.Haproxy haproxy = new BenchPeers.Haproxy(dir, BenchPeers.Servers.port(servers.echo),
                     BenchPeers.Servers.port(servers.sink))) {
            ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", toxiproxy.apiPort());
            Proxy echo = client.createProxy("echo", "127.0.0.1:0", "127.0.0.1:" + BenchPeers.Servers.port(servers.echo));
            Proxy sink = client.createProxy("sink", "127.0.0.1:0", "127.0.0.1:" + BenchPeers.Servers.port(servers.sink));

            // interleaved rounds, median per target: the machine is shared, so load drifts during a run
            List<List<Figures>> rounds = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            int[][] ports = {
                {BenchPeers.Servers.port(servers.echo), BenchPeers.Servers.port(servers.sink)},
                {ToxicCalls.port(echo), ToxicCalls.port(sink)},
                {haproxy.echoPort, haproxy.sinkPort}};
            for (int round = 0; round < ROUNDS; round++) {
                for (int target = 0; target < ports.length; target++) {
                    rounds.get(target).add(measure(ports[target][0], ports[target][1], servers.sunk));
                }
            }
            Figures direct = median(rounds.get(0));
            Figures embedded = median(rounds.get(1));
            Figures ha = median(rounds.get(2));
            ToxicCalls toxicCalls = ToxicCalls.measure(client, echo, 0, TOXIC_CALLS);

            String table = table(direct, embedded, ha, toxiproxy.nativeTransport()) + "\n" + toxicCalls.rows() + "\n";
            Path out = Path.of("target", "toxiproxy-benchmark.md");
            Files.writeString(out, table);
            System.out.println(table);
            assertThat(embedded.mbps()).isPositive();
            assertThat(toxicCalls.notInEffect()).as("added toxics whose effect was not in place when the call returned").isZero();
        }
    }

    private static Figures measure(int echoPort, int sinkPort, AtomicLong sunk) throws IOException {
        double mbps = LoopbackMeasurements.throughputMBps(sinkPort, sunk, SECONDS);
        Histogram rtt = LoopbackMeasurements.roundTrips(echoPort, 2_000, ROUND_TRIPS);
        double conns = LoopbackMeasurements.connectionsPerSecond(echoPort, SECONDS);
        return new Figures(mbps, rtt, conns);
    }

    /** Median throughput and connection rate; round trips of all rounds merged into one histogram. */
    private static Figures median(List<Figures> rounds) {
        Histogram rtt = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        rounds.forEach(f -> rtt.add(f.rtt()));
        double[] mbps = rounds.stream().mapToDouble(Figures::mbps).sorted().toArray();
        double[] conns = rounds.stream().mapToDouble(Figures::connPerSec).sorted().toArray();
        return new Figures(mbps[mbps.length / 2], rtt, conns[conns.length / 2]);
    }

    private static String table(Figures d, Figures t, Figures h, boolean epoll) {
        List<String> rows = new ArrayList<>();
        rows.add("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + Runtime.version() + ", embedded server on "
                + (epoll ? "epoll" : "NIO") + ".");
        rows.add("");
        rows.add("| measure | direct | embedded Toxiproxy | ratio to direct | HAProxy (tcp) | ratio to direct |");
        rows.add("|---|---|---|---|---|---|");
        rows.add(row("bulk throughput (MB/s)", d.mbps(), t.mbps(), h.mbps()));
        rows.add(row("1-byte round trip p50 (µs)", d.rtt().getValueAtPercentile(50), t.rtt().getValueAtPercentile(50),
                h.rtt().getValueAtPercentile(50)));
        rows.add(row("1-byte round trip p99 (µs)", d.rtt().getValueAtPercentile(99), t.rtt().getValueAtPercentile(99),
                h.rtt().getValueAtPercentile(99)));
        rows.add(row("connection setup (conn/s)", d.connPerSec(), t.connPerSec(), h.connPerSec()));
        return String.join("\n", rows) + "\n";
    }

    private static String row(String name, double direct, double toxiproxy, double haproxy) {
        return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.2f | %.0f | %.2f |", name, direct, toxiproxy,
                toxiproxy / direct, haproxy, haproxy / direct);
    }
}
