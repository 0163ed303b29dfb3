package casedrill.drill;

import casedrill.probe.IntakeRequest;
import casedrill.probe.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pass through every path the workload takes, as its transactions do (loadtests' CaseTransactions): an intake,
 * the status of the case it created, the officer's read for the ETag and the decision, a partner screening. Each
 * request must answer with the workload's expected statuses within the load's request timeout.
 */
final class WarmupRound {
    private static final Pattern CASE_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String DECISION = "{\"outcome\":\"APPROVED\",\"officer\":\"drill-warmup\",\"reason\":\"casedrill warm-up\"}";

    private final HttpClient client;
    private final URI edge;
    private final Tokens tokens;
    private final Duration timeout;
    private final String keyPrefix;

    WarmupRound(HttpClient client, URI edge, Tokens tokens, Duration timeout, String keyPrefix) {
        this.client = client;
        this.edge = edge;
        this.tokens = tokens;
        this.timeout = timeout;
        this.keyPrefix = keyPrefix;
    }

    /** Runs round {@code seq}; the first request that failed, described, or empty when all answered as expected. */
    Optional<String> run(long seq) throws InterruptedException {
        IntakeRequest intake = IntakeRequest.of(keyPrefix, seq);
        Answer created = send("intake", HttpRequest.newBuilder(edge.resolve("/api/cases"))
                .header("Authorization", "Bearer " + tokens.client()).header("Content-Type", "application/json")
                .header("Idempotency-Key", intake.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(intake.body())), Set.of(200, 201));
        if (created.failure() != null) {
            return Optional.of(created.failure());
        }
        Matcher id = CASE_ID.matcher(created.response().body());
        if (!id.find()) {
            return Optional.of("intake: no case id in the answer");
        }
        String path = "/api/cases/" + id.group(1);
        Answer status = send("status", get(path, tokens.client()), Set.of(200));
        if (status.failure() != null) {
            return Optional.of(status.failure());
        }
        Answer read = send("decision-read", get(path, tokens.officer()), Set.of(200));
        if (read.failure() != null) {
            return Optional.of(read.failure());
        }
        Optional<String> etag = read.response().headers().firstValue("ETag");
        if (etag.isEmpty()) {
            return Optional.of("decision-read: no ETag");
        }
        Answer decided = send("decision", HttpRequest.newBuilder(edge.resolve(path + "/decisions"))
                .header("Authorization", "Bearer " + tokens.officer()).header("Content-Type", "application/json")
                .header("If-Match", etag.get())
                .POST(HttpRequest.BodyPublishers.ofString(DECISION, StandardCharsets.UTF_8)), Set.of(200, 409));
        if (decided.failure() != null) {
            return Optional.of(decided.failure());
        }
        IntakeRequest sample = IntakeRequest.of("screen", seq);
        Answer screened = send("screening", get("/api/screening?surname=" + sample.surname() + "&birthDate=" + sample.birthDate(),
                tokens.partner()), Set.of(200));
        return Optional.ofNullable(screened.failure());
    }

    private HttpRequest.Builder get(String pathAndQuery, String token) {
        return HttpRequest.newBuilder(edge.resolve(pathAndQuery)).header("Authorization", "Bearer " + token).GET();
    }

    private Answer send(String transaction, HttpRequest.Builder request, Set<Integer> expected) throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            return expected.contains(response.statusCode()) ? new Answer(response, null)
                    : new Answer(response, transaction + ": http " + response.statusCode());
        } catch (IOException e) {
            return new Answer(null, transaction + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private record Answer(HttpResponse<String> response, String failure) {}
}
