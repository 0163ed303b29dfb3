package casedrill.drill;

import casedrill.probe.HttpGetProbe;
import casedrill.probe.IntakeProbe;
import casedrill.probe.IntakeRequest;
import casedrill.probe.Tokens;
import casedrill.probe.WriteLedger;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * One pass through every path the workload takes, as its transactions do (loadtests' CaseTransactions): an intake,
 * the status of the case it created, the officer's read for the ETag and the decision, a partner screening. Each
 * request must answer with the workload's expected statuses within the load's request timeout.
 */
final class WarmupRound {
    private static final String DECISION = "{\"outcome\":\"APPROVED\",\"officer\":\"drill-warmup\",\"reason\":\"casedrill warm-up\"}";

    private final HttpClient client;
    private final URI edge;
    private final Tokens tokens;
    private final Duration timeout;
    /** The canary's intake request; its ledger stays empty, as a warm-up write is not part of the drill. */
    private final IntakeProbe intake;

    WarmupRound(HttpClient client, URI edge, Tokens tokens, Duration timeout, String keyPrefix) {
        this.client = client;
        this.edge = edge;
        this.tokens = tokens;
        this.timeout = timeout;
        this.intake = new IntakeProbe(keyPrefix, tokens.client(), new WriteLedger(event -> { }));
    }

    /** Runs round {@code seq}; the first request that failed, described, or empty when all answered as expected. */
    Optional<String> run(long seq) throws InterruptedException {
        Answer created = send("intake", intake.request(edge, seq), Set.of(200, 201));
        if (created.failure() != null) {
            return Optional.of(created.failure());
        }
        Optional<String> id = IntakeProbe.caseIdIn(created.response().body());
        if (id.isEmpty()) {
            return Optional.of("intake: no case id in the answer");
        }
        String path = "/api/cases/" + id.get();
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
        return new HttpGetProbe("warm-up", pathAndQuery, token).request(edge, 0);
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
