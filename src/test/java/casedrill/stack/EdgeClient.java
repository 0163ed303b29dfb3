package casedrill.stack;

import casedrill.stack.local.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Intake requests through the stack's edge, as a client portal sends them. */
final class EdgeClient {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    private final LocalStack stack;

    EdgeClient(LocalStack stack) {
        this.stack = stack;
    }

    /** One acknowledged intake: the case id and the app node that served it. */
    record Ack(String caseId, String node) {
    }

    /** Submits an intake; the acknowledgement if the edge answered 201 (or 200, a replay) within {@code timeout}. */
    Optional<Ack> intake(String idempotencyKey, Duration timeout) {
        String body = """
                {"type":"WORK_PERMIT","applicant":{"surname":"Drill","givenNames":"Applicant",\
                "birthDate":"1990-01-01","nationality":"NLD"}}""";
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.edgeUrl() + "/api/cases"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + stack.credentials().clientToken())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher id = ID.matcher(response.body());
            // 201 for a new case, 200 when the key was already used (a retry of a write that committed).
            boolean acknowledged = response.statusCode() == 201 || response.statusCode() == 200;
            if (acknowledged && id.find()) {
                return Optional.of(new Ack(id.group(1), response.headers().firstValue("X-Served-By-Node").orElse("?")));
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
