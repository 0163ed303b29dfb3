package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.probe.Tokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's rule against an HTTP server shaped like the case service's edge (the paths and statuses the
 * workload expects), which answers 503 to its first requests as a cold stack's gslb does.
 */
class StackWarmupTest {
    private HttpServer edge;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        edge.stop(0);
    }

    @Test
    void aStackIsWarmOnceTwentyRoundsThroughEveryPathSucceededInARow() {
        start(12);

        StackWarmup.Outcome outcome = StackWarmup.run(round(), Duration.ofSeconds(30), () -> false);

        assertThat(outcome.warm()).as(outcome.describe()).isTrue();
        assertThat(outcome.failed()).as("rounds that met the cold edge").isPositive();
        assertThat(outcome.rounds()).as("rounds run").isGreaterThanOrEqualTo(StackWarmup.STREAK + outcome.failed());
        assertThat(seen).as("paths the warm-up took").contains("POST /api/cases", "GET /api/cases/c-1",
                "POST /api/cases/c-1/decisions", "GET /api/screening");
        assertThat(outcome.describe()).startsWith("stack warmed through its edge in ");
    }

    @Test
    void aStackThatNeverAnswersIsNotWarmAndSaysWhy() {
        start(Integer.MAX_VALUE);

        StackWarmup.Outcome outcome = StackWarmup.run(round(), Duration.ofSeconds(1), () -> false);

        assertThat(outcome.warm()).isFalse();
        assertThat(outcome.rounds()).isEqualTo(outcome.failed()).isPositive();
        assertThat(outcome.lastFailure()).isEqualTo("intake: http 503");
        assertThat(outcome.describe()).startsWith("the stack did not answer its workload's paths 20 times in a row within 1.");
    }

    @Test
    void aStopRequestEndsTheWarmUpEarly() {
        start(Integer.MAX_VALUE);

        StackWarmup.Outcome outcome = StackWarmup.run(round(), Duration.ofSeconds(60), () -> true);

        assertThat(outcome.warm()).isFalse();
        assertThat(outcome.rounds()).as("rounds started after the stop").isZero();
    }

    private WarmupRound round() {
        return new WarmupRound(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + edge.getAddress().getPort()),
                new Tokens("client", "officer", "partner"), Duration.ofSeconds(1), "warmup-test");
    }

    /** An edge whose first {@code cold} requests answer 503. */
    private void start(int cold) {
        try {
            edge = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        edge.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            seen.add(exchange.getRequestMethod() + " " + path);
            exchange.getRequestBody().readAllBytes();
            if (requests.incrementAndGet() <= cold) {
                answer(exchange, 503, "");
            } else if (path.equals("/api/cases")) {
                answer(exchange, 201, "{\"id\":\"c-1\"}");
            } else if (path.equals("/api/cases/c-1")) {
                exchange.getResponseHeaders().add("ETag", "\"1\"");
                answer(exchange, 200, "{\"id\":\"c-1\"}");
            } else if (path.equals("/api/cases/c-1/decisions")) {
                answer(exchange, 409, "{}");
            } else if (path.equals("/api/screening")) {
                answer(exchange, 200, "[]");
            } else {
                answer(exchange, 404, "");
            }
        });
        edge.start();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
