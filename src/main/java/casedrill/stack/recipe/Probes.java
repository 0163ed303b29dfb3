package casedrill.stack.recipe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Small network probes for readiness and status; they never throw, an error is just "not ready". */
public final class Probes {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1)).version(HttpClient.Version.HTTP_1_1).build();

    private Probes() {
    }

    /** HTTP status of a GET, or -1 when nothing answered in time. */
    public static int httpStatus(String url) {
        return get(url).status();
    }

    public static Answer get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "");
        } catch (Exception e) {
            return new Answer(-1, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** An HTTP answer; status -1 means no answer (the body then says why). */
    public record Answer(int status, String body) {
        public boolean ok() {
            return status == 200;
        }
    }
}
