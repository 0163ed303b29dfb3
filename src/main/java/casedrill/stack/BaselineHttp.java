package casedrill.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few bounded HTTP calls a baseline reset makes to Patroni and the app nodes' actuators. */
final class BaselineHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private BaselineHttp() {
    }

    static String get(String url) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build());
    }

    /** POSTs JSON; Patroni's switchover waits for the new leader, so it gets a longer bound. */
    static String post(String url, String json, Duration timeout) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static String send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                String body = answer.body();
                throw new IOException(request.method() + " " + request.uri() + " answered " + answer.statusCode() + ": "
                        + (body.length() > 200 ? body.substring(0, 200) + "…" : body));
            }
            return answer.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(request.method() + " " + request.uri() + " interrupted", e);
        }
    }
}
