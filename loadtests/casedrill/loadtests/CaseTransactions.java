package casedrill.loadtests;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;

import casedrill.load.ExpectedStatusCheck;
import casedrill.load.ExpectedStatuses;
import casedrill.load.GatlingHook;
import casedrill.load.IdentityCheck;
import casedrill.load.LoadParameters;
import casedrill.probe.IntakeRequest;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The case service's business transactions as Gatling chains, each wrapped by the recorder hook. Each request
 * names its expected statuses once; Gatling's check and the hook both judge by them, so Gatling's KO count is the
 * recorder's count of failed requests. A failed check does not stop the chain, so every request reaches the hook.
 */
final class CaseTransactions {
    static final List<String> NAMES = List.of("intake", "status", "decision", "screening");

    private static final ExpectedStatuses CREATED_OR_REPLAYED = ExpectedStatuses.of(201, 200);
    private static final ExpectedStatuses FOUND = ExpectedStatuses.of(200);
    /** A 409 (someone decided first) is correct behaviour. */
    private static final ExpectedStatuses DECIDED_OR_CONFLICT = ExpectedStatuses.of(200, 409);

    private static final byte[] DECISION_BODY =
            "{\"outcome\":\"APPROVED\",\"officer\":\"drill-officer\",\"reason\":\"casedrill load\"}"
                    .getBytes(StandardCharsets.UTF_8);

    private final LoadParameters p;
    private final GatlingHook hook;
    private final AtomicLong intakeSeq = new AtomicLong();

    CaseTransactions(LoadParameters parameters) {
        this.p = parameters;
        this.hook = new GatlingHook(parameters);
    }

    ChainBuilder chain(String transaction) {
        return switch (transaction) {
            case "intake" -> intake();
            case "status" -> statusRead();
            case "decision" -> decision();
            case "screening" -> screening();
            default -> throw new IllegalArgumentException("unknown transaction '" + transaction
                    + "' in the load mix (known: " + String.join(", ", NAMES) + ")");
        };
    }

    private ChainBuilder intake() {
        return exec(session -> {
            IntakeRequest r = IntakeRequest.of(p.keyPrefix(), intakeSeq.getAndIncrement());
            return session.set(GatlingHook.KEY, r.idempotencyKey()).set(GatlingHook.SHA, r.sha256())
                    .set("cd_body", r.body());
        }).exec(recorded("intake", CREATED_OR_REPLAYED, http("intake").post("/api/cases")
                .header("Authorization", "Bearer " + p.tokens().client())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "#{" + GatlingHook.KEY + "}")
                .body(ByteArrayBody(session -> session.<byte[]>get("cd_body")))
                .check(regex("\"id\"\\s*:\\s*\"([^\"]+)\"").optional().saveAs(GatlingHook.CASE_ID))));
    }

    /** A status look-up of a case the workload created; before the first intake completes, a one-item listing. */
    private ChainBuilder statusRead() {
        return exec(session -> {
            String id = p.caseIds().any();
            return session.set("cd_path", id == null ? "/api/cases?size=1" : "/api/cases/" + id);
        }).exec(recorded("status", FOUND, http("status").get("#{cd_path}")
                        .header("Authorization", "Bearer " + p.tokens().client())));
    }

    /**
     * Reads the case for its ETag, then decides with If-Match; a 409 (someone decided first) is correct behaviour.
     * Skipped (no request at all) until the first intake has created a case.
     */
    private ChainBuilder decision() {
        ChainBuilder read = recorded("status", FOUND, http("decision-read").get("/api/cases/#{cd_id}")
                .header("Authorization", "Bearer " + p.tokens().officer())
                .check(header("ETag").optional().saveAs("cd_etag")));
        ChainBuilder decide = recorded("decision", DECIDED_OR_CONFLICT, http("decision").post("/api/cases/#{cd_id}/decisions")
                .header("Authorization", "Bearer " + p.tokens().officer())
                .header("Content-Type", "application/json")
                .header("If-Match", "#{cd_etag}")
                .body(ByteArrayBody(DECISION_BODY)));
        return exec(session -> {
            String id = p.caseIds().any();
            return id == null ? session.remove("cd_id") : session.set("cd_id", id).remove("cd_etag");
        }).doIf(session -> session.contains("cd_id")).then(
                exec(read).doIf(session -> session.contains("cd_etag")).then(decide));
    }

    private ChainBuilder screening() {
        return exec(session -> {
            IntakeRequest sample = IntakeRequest.of("screen", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000));
            return session.set("cd_surname", sample.surname()).set("cd_birth", sample.birthDate());
        }).exec(recorded("screening", FOUND, http("screening").get("/api/screening")
                .queryParam("surname", "#{cd_surname}").queryParam("birthDate", "#{cd_birth}")
                .header("Authorization", "Bearer " + p.tokens().partner())));
    }

    private ChainBuilder recorded(String transaction, ExpectedStatuses expected, HttpRequestActionBuilder request) {
        if (p.recorder() == null && p.ledger() == null) {
            // Nothing to feed: the bare request, the benchmark's baseline for the hook's cost.
            return exec(request.requestTimeout(p.requestTimeout()).check(ExpectedStatusCheck.of(expected)));
        }
        return exec(hook::beforeRequest)
                .exec(request.requestTimeout(p.requestTimeout()).check(IdentityCheck.builder(), ExpectedStatusCheck.of(expected)))
                .exec(session -> hook.afterRequest(session, transaction, expected));
    }
}
