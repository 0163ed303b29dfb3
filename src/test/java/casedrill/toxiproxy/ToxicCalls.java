package casedrill.toxiproxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.Socket;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A client's latency-toxic add and remove calls (µs) on a live connection, each checked right after it returns
 * (the probe must be slowed, then no longer), interleaved call by call with {@code GET /version} through the same
 * client: its round-trip floor, measured under the same machine load.
 */
record ToxicCalls(String client, Histogram floor, Histogram add, Histogram remove, int notInEffect, int slowAfterRemoval) {
    static final long PROBE_LATENCY_MS = 10;

    /** The official client, as drills call the API. */
    static ToxicCalls measure(ToxiproxyClient client, Proxy proxy, int warmup, int calls) throws IOException {
        return measure(ToxicApiClient.official(client, proxy), port(proxy), warmup, calls);
    }

    static ToxicCalls measure(ToxicApiClient client, int proxyPort, int warmup, int calls) throws IOException {
        try (Socket live = LoopbackMeasurements.connect(proxyPort)) {
            run(client, live, warmup);
            return run(client, live, calls);
        }
    }

    private static ToxicCalls run(ToxicApiClient client, Socket live, int calls) throws IOException {
        ToxicCalls m = new ToxicCalls(client.name(), histogram(), histogram(), histogram(), 0, 0);
        int notInEffect = 0;
        int slowAfterRemoval = 0;
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            client.version();
            m.floor.recordValue(micros(start));
            start = System.nanoTime();
            client.addLatency(PROBE_LATENCY_MS);
            m.add.recordValue(micros(start));
            if (pingMillis(live) < PROBE_LATENCY_MS) {
                notInEffect++;
            }
            start = System.nanoTime();
            client.removeLatency();
            m.remove.recordValue(micros(start));
            if (pingMillis(live) >= PROBE_LATENCY_MS) {
                // either the removal was late or the loaded machine was slow: reported, not asserted
                slowAfterRemoval++;
            }
        }
        return new ToxicCalls(client.name(), m.floor, m.add, m.remove, notInEffect, slowAfterRemoval);
    }

    /** Markdown rows: p50, p99 and max of each call, and each call's ratio to the floor at p50 and p99. */
    String rows() {
        return String.join("\n",
                "| call (µs) | p50 | p90 | p99 | max | p50 / floor p50 | p99 / floor p99 |",
                "|---|---|---|---|---|---|---|",
                row(client + ": floor, GET /version", floor),
                row(client + ": add latency toxic → in effect", add),
                row(client + ": remove it → effect gone", remove),
                "",
                String.format(Locale.ROOT, "%d calls each; added toxic not in effect at return: %d; probe ≥ %d ms after removal: %d.",
                        add.getTotalCount(), notInEffect, PROBE_LATENCY_MS, slowAfterRemoval));
    }

    private String row(String name, Histogram h) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.2f | %.2f |", name, h.getValueAtPercentile(50),
                h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getMaxValue(),
                (double) h.getValueAtPercentile(50) / floor.getValueAtPercentile(50),
                (double) h.getValueAtPercentile(99) / floor.getValueAtPercentile(99));
    }

    static int port(Proxy proxy) {
        return Integer.parseInt(proxy.getListen().substring(proxy.getListen().lastIndexOf(':') + 1));
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    }

    private static long micros(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000;
    }

    private static double pingMillis(Socket s) throws IOException {
        long start = System.nanoTime();
        s.getOutputStream().write(1);
        if (s.getInputStream().read() < 0) {
            throw new IOException("proxy closed the probe connection");
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
