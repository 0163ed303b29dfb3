package casedrill.probe;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One business transaction a canary exercises: how to build its n-th request and what to do with the result. */
public interface ProbeTransaction {
    String name();

    HttpRequest.Builder request(URI base, long seq);

    default boolean succeeded(HttpResponse<String> response) {
        return response.statusCode() / 100 == 2;
    }

    /** Called once per probe, on an HTTP client thread; must not block. {@code response} is null on failure. */
    default void completed(ProbeResult result, HttpResponse<String> response) {}
}
