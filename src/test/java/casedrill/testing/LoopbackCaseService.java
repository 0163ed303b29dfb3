package casedrill.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

/**
 * Just enough of the case service contract on 127.0.0.1 for probe and load tests: intake with idempotency keys
 * and body hashes, status, decisions with If-Match, screening, listing; the identity headers; a failure window
 * the test controls (503 while {@code failing} says so, judged on receipt); answers held back past a client's
 * timeout; refused connections while the listener is closed. Counts every request it answers.
 */
public final class LoopbackCaseService implements AutoCloseable {
    public static final String SYSTEM_ID = "7311000000000000001";

    private record Stored(String id, String key, String sha256, String body, int version) {}

    private final int port;
    private volatile HttpServer server;
    // Unbounded: a held-back answer occupies its thread, and the others must not queue behind it.
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Stored> byKey = new ConcurrentHashMap<>();
    private final Map<String, Stored> byId = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong startNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private volatile LongPredicate failingAtMs = t -> false;
    private volatile long lateByMs;

    public LoopbackCaseService() throws IOException {
        server = listen(0);
        port = server.getAddress().getPort();
    }

    private HttpServer listen(int onPort) throws IOException {
        HttpServer listening = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 1024);
        listening.createContext("/", this::handle);
        listening.setExecutor(threads);
        listening.start();
        return listening;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** From now on, hold every answer back this long after receipt (0: answer at once). */
    public void answerLateBy(long millis) {
        lateByMs = millis;
    }

    /** Closes the listener and every open connection: new connections are refused until {@link #acceptConnections}. */
    public void refuseConnections() {
        server.stop(0);
    }

    /** Listens again on the same port. */
    public void acceptConnections() throws IOException {
        server = listen(port);
    }

    /** Requests answered 503 by {@link #failWhen}. */
    public long unavailableAnswers() {
        return unavailable.get();
    }

    /** Requests whose answer was held back by {@link #answerLateBy}, counted once the hold is over. */
    public long lateAnswers() {
        return late.get();
    }

    /** Fail (503) whenever the predicate holds for the milliseconds since {@code startNanos}. */
    public void failWhen(long originNanos, LongPredicate failing) {
        startNanos.set(originNanos);
        failingAtMs = failing;
    }

    public long requests() {
        return requests.get();
    }

    public List<String> storedKeys() {
        return List.copyOf(byKey.keySet());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            boolean failing = failingAtMs.test((System.nanoTime() - startNanos.get()) / 1_000_000L);
            long holdMs = lateByMs;
            if (holdMs > 0) {
                sleep(holdMs);
                late.incrementAndGet();
            }
            ex.getResponseHeaders().add("X-Served-By-Node", "app-dc1-a");
            ex.getResponseHeaders().add("X-Served-By-Site", "dc1");
            if (failing) {
                unavailable.incrementAndGet();
                send(ex, 503, "{\"title\":\"database unavailable\",\"status\":503}");
                return;
            }
            ex.getResponseHeaders().add("X-Db-System-Id", SYSTEM_ID);
            ex.getResponseHeaders().add("X-Db-Timeline", "1");
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (method.equals("POST") && path.equals("/api/cases")) {
                intake(ex, body);
            } else if (method.equals("POST") && path.matches("/api/cases/[^/]+/decisions")) {
                decide(ex, path.split("/")[3]);
            } else if (method.equals("GET") && path.matches("/api/cases/[^/]+")) {
                Stored s = byId.get(path.substring("/api/cases/".length()));
                if (s == null) {
                    send(ex, 404, "{\"title\":\"not found\",\"status\":404}");
                } else {
                    ex.getResponseHeaders().add("ETag", "\"" + s.version() + "\"");
                    send(ex, 200, caseJson(s));
                }
            } else if (method.equals("GET") && path.equals("/api/screening")) {
                send(ex, 200, "{\"matches\":[],\"truncated\":false}");
            } else if (method.equals("GET") && path.equals("/api/cases")) {
                send(ex, 200, "{\"items\":[],\"page\":0,\"size\":20,\"hasMore\":false}");
            } else {
                send(ex, 404, "{\"title\":\"no route\",\"status\":404}");
            }
        }
    }

    private void intake(HttpExchange ex, byte[] body) throws IOException {
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        String sha = sha256(body);
        Stored fresh = new Stored(UUID.randomUUID().toString(), key, sha, new String(body, StandardCharsets.UTF_8), 1);
        Stored existing = byKey.putIfAbsent(key, fresh);
        if (existing == null) {
            byId.put(fresh.id(), fresh);
            ex.getResponseHeaders().add("Location", "/api/cases/" + fresh.id());
            send(ex, 201, caseJson(fresh));
        } else if (existing.sha256().equals(sha)) {
            ex.getResponseHeaders().add("Idempotent-Replayed", "true");
            send(ex, 200, caseJson(existing));
        } else {
            send(ex, 422, "{\"title\":\"key reused with a different body\",\"status\":422}");
        }
    }

    private void decide(HttpExchange ex, String id) throws IOException {
        String ifMatch = ex.getRequestHeaders().getFirst("If-Match");
        Stored s = byId.get(id);
        if (s == null) {
            send(ex, 404, "{\"title\":\"not found\",\"status\":404}");
        } else if (ifMatch == null) {
            send(ex, 428, "{\"title\":\"If-Match required\",\"status\":428}");
        } else if (!ifMatch.equals("\"" + s.version() + "\"")) {
            send(ex, 409, "{\"title\":\"version conflict\",\"status\":409}");
        } else {
            Stored next = new Stored(s.id(), s.key(), s.sha256(), s.body(), s.version() + 1);
            byId.put(id, next);
            ex.getResponseHeaders().add("ETag", "\"" + next.version() + "\"");
            send(ex, 200, caseJson(next));
        }
    }

    private static String caseJson(Stored s) {
        return "{\"id\":\"" + s.id() + "\",\"status\":\"RECEIVED\",\"version\":" + s.version() + "}";
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
