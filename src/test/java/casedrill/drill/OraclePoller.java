package casedrill.drill;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The oracle tests' own client, sharing no code with casedrill's load, probes, ledger or observer: an intake write
 * through the edge every 20 ms, up to 8 in flight, 1 s timeout, each remembered with its wall-clock send time.
 */
final class OraclePoller implements AutoCloseable {
    /** One write as the poller saw it; acknowledged means 200/201. */
    record Write(String key, String sha256, Instant sent, boolean acknowledged) {
    }

    private static final int IN_FLIGHT = 8;
    private final URI edge;
    private final String token;
    private final String prefix;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).executor(threads).build();
    private final Semaphore free = new Semaphore(IN_FLIGHT);
    private final AtomicLong seq = new AtomicLong();
    private final Queue<Write> writes = new ConcurrentLinkedQueue<>();

    OraclePoller(URI edge, String token, String prefix) {
        this.edge = edge;
        this.token = token;
        this.prefix = prefix;
        ticks.scheduleAtFixedRate(this::send, 0, 20, TimeUnit.MILLISECONDS);
    }

    private void send() {
        if (!free.tryAcquire()) {
            return;
        }
        long n = seq.incrementAndGet();
        byte[] body = ("{\"type\":\"STUDY_PERMIT\",\"applicant\":{\"surname\":\"Oracle\",\"givenNames\":\"Poller " + n
                + "\",\"birthDate\":\"1990-02-03\",\"nationality\":\"NOR\"}}").getBytes(StandardCharsets.UTF_8);
        String key = prefix + "-" + n;
        HttpRequest request = HttpRequest.newBuilder(edge.resolve("/api/cases")).timeout(Duration.ofSeconds(1))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        Instant sent = Instant.now();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            boolean ok = response != null && (response.statusCode() == 200 || response.statusCode() == 201);
            writes.add(new Write(key, sha256(body), sent, ok));
            free.release();
        });
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Write> writes() {
        return writes.stream().sorted(Comparator.comparing(Write::sent)).toList();
    }

    /**
     * The end of the outage the poller saw: after its first failed write sent at or after {@code fault}, its first
     * acknowledged write from which every write it sent within the next second was acknowledged (a lone success while
     * the edge still fails is no recovery); the first write after {@code fault} when none failed.
     */
    Optional<Instant> firstSuccessAfter(Instant fault) {
        List<Write> after = writes().stream().filter(w -> !w.sent().isBefore(fault)).toList();
        int firstFailure = 0;
        while (firstFailure < after.size() && after.get(firstFailure).acknowledged()) {
            firstFailure++;
        }
        if (firstFailure == after.size()) {
            return after.stream().findFirst().map(Write::sent);
        }
        for (int i = firstFailure; i < after.size(); i++) {
            Instant until = after.get(i).sent().plusSeconds(1);
            if (after.subList(i, after.size()).stream().takeWhile(w -> w.sent().isBefore(until)).allMatch(Write::acknowledged)) {
                return Optional.of(after.get(i).sent());
            }
        }
        return Optional.empty();
    }

    /** Whether any write sent in [from, to) was not acknowledged. */
    boolean failedBetween(Instant from, Instant to) {
        return writes().stream().anyMatch(w -> !w.sent().isBefore(from) && w.sent().isBefore(to) && !w.acknowledged());
    }

    /** Every write as CSV (key, sent, acknowledged), kept beside the run folder for whoever reads a failure. */
    String csv() {
        StringBuilder csv = new StringBuilder("key,sent,acknowledged\n");
        writes().forEach(w -> csv.append(w.key()).append(',').append(w.sent()).append(',').append(w.acknowledged()).append('\n'));
        return csv.toString();
    }

    @Override
    public void close() throws InterruptedException {
        ticks.shutdownNow();
        ticks.awaitTermination(1, TimeUnit.SECONDS);
        // every write in flight ends within its 1 s timeout
        if (free.tryAcquire(IN_FLIGHT, 5, TimeUnit.SECONDS)) {
            free.release(IN_FLIGHT);
        }
        threads.shutdownNow();
    }
}
