package casedrill.probe;

import java.net.URI;
import java.net.http.HttpRequest;

/** A read-only canary: GET one path with a bearer token (status look-up, screening, listing). */
public record HttpGetProbe(String name, String pathAndQuery, String token) implements ProbeTransaction {
    @Override
    public HttpRequest.Builder request(URI base, long seq) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET();
        if (token != null && !token.isEmpty()) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    @Override
    public String toString() {
        return "HttpGetProbe[" + name + " " + pathAndQuery + "]";
    }
}
