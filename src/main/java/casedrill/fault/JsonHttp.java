package casedrill.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The little HTTP that faults need: JSON POSTs to actuators and Patroni, and GETs of their state. */
public final class JsonHttp {
    private final HttpClient client;
    private final Duration timeout;

    public JsonHttp(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    public static JsonHttp standard() {
        return new JsonHttp(Duration.ofSeconds(10));
    }

    /** POSTs a JSON body; throws unless the answer is 2xx. Returns the body. */
    public String post(String url, String json) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public String get(String url) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build());
    }

    private String send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + ": " + abbreviate(response.body()));
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(request.method() + " " + request.uri() + " interrupted", e);
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
