package casedrill.casestack;

import static casedrill.casestack.ApiClient.decisionBody;
import static casedrill.casestack.ApiClient.intakeBody;
import static casedrill.casestack.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import casedrill.casestack.auth.Role;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Every endpoint of API-CONTRACT.md against a real PostgreSQL: happy paths, bad input, auth. */
class CaseApiContractTest {
    @RegisterExtension
    static final CaseServiceExtension service = new CaseServiceExtension();

    private static HttpResponse<String> intake(String key, String body) {
        return service.api().post("/api/cases", Role.CLIENT, body, "Idempotency-Key", key);
    }

    private static String newCase(String surname) {
        return json(intake(newKey(), intakeBody(surname, "1990-04-01"))).get("id").asString();
    }

    private static HttpResponse<String> decide(String id, String ifMatch, String body) {
        return service.api().post("/api/cases/" + id + "/decisions", Role.OFFICER, body, "If-Match", ifMatch);
    }

    private static String newKey() {
        return "k-" + UUID.randomUUID();
    }

    @Test
    void intakeAnswers201WithTheCaseAndItsLocation() {
        HttpResponse<String> r = intake(newKey(), intakeBody("Silva", "1990-04-01"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode c = json(r);
        assertThat(c.get("type").asString()).isEqualTo("WORK_PERMIT");
        assertThat(c.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(c.get("version").asInt()).isEqualTo(1);
        assertThat(c.get("applicant").get("surname").asString()).isEqualTo("Silva");
        assertThat(c.get("applicant").get("birthDate").asString()).isEqualTo("1990-04-01");
        assertThat(c.has("createdAt") && c.has("updatedAt")).isTrue();
        assertThat(r.headers().firstValue("Location")).hasValue("/api/cases/" + c.get("id").asString());
        assertThat(r.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void intakeStoresTheSha256OfTheRawBodyForTheHarnessLedger() throws Exception {
        String key = newKey();
        String body = intakeBody("Ledger", "1980-02-02");
        intake(key, body);
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try (Connection c = service.adminConnection();
                var ps = c.prepareStatement("SELECT request_sha256 FROM cases WHERE idempotency_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(expected);
            }
        }
    }

    @Test
    void statusAndHistoryFollowADecision() {
        String id = newCase("Chen");

        HttpResponse<String> decided = decide(id, "\"1\"", decisionBody("APPROVED", "officer-7"));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(decided.headers().firstValue("ETag")).hasValue("\"2\"");

        HttpResponse<String> status = service.api().get("/api/cases/" + id, Role.CLIENT);
        assertThat(json(status).get("status").asString()).isEqualTo("APPROVED");
        assertThat(status.headers().firstValue("ETag")).hasValue("\"2\"");

        JsonNode events = json(service.api().get("/api/cases/" + id + "/events", Role.CLIENT));
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("type").asString()).isEqualTo("RECEIVED");
        assertThat(events.get(1).get("type").asString()).isEqualTo("DECISION");
        assertThat(events.get(1).get("detail").asString()).contains("APPROVED", "officer-7");
        assertThat(events.get(1).has("at")).isTrue();
    }

    @Test
    void requestingInformationKeepsTheCaseOpenForALaterDecision() {
        String id = newCase("Info");
        assertThat(json(decide(id, "\"1\"", decisionBody("REQUEST_INFO", "o1"))).get("status").asString())
                .isEqualTo("INFO_REQUESTED");
        assertThat(json(decide(id, "\"2\"", decisionBody("REFUSED", "o1"))).get("status").asString())
                .isEqualTo("REFUSED");
        assertThat(decide(id, "\"3\"", decisionBody("APPROVED", "o1")).statusCode()).as("refused is final")
                .isEqualTo(409);
    }

    @Test
    void aStaleIfMatchIsAConflictAndTheCaseKeepsItsFirstDecision() {
        String id = newCase("Dube");
        decide(id, "\"1\"", decisionBody("REFUSED", "o1"));

        HttpResponse<String> late = decide(id, "\"1\"", decisionBody("APPROVED", "o2"));

        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(service.api().get("/api/cases/" + id, Role.OFFICER)).get("status").asString())
                .isEqualTo("REFUSED");
    }

    @Test
    void aDecisionWithoutIfMatchIs428() {
        String id = newCase("Eze");
        HttpResponse<String> r = service.api().post("/api/cases/" + id + "/decisions", Role.OFFICER,
                decisionBody("REFUSED", "o1"));
        assertThat(r.statusCode()).isEqualTo(428);
    }

    @Test
    void unknownCaseIs404AndMalformedIdIs400() {
        assertThat(service.api().get("/api/cases/" + UUID.randomUUID(), Role.CLIENT).statusCode()).isEqualTo(404);
        assertThat(service.api().get("/api/cases/not-a-uuid", Role.CLIENT).statusCode()).isEqualTo(400);
    }

    @Test
    void invalidIntakeNamesEveryBadFieldInAProblemBody() {
        HttpResponse<String> r = intake(newKey(), """
                {"type":"WORK_PERMIT","applicant":{"surname":"","givenNames":"A","birthDate":"2999-01-01",\
                "nationality":"fr"}}""");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(r);
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly(
                "applicant.birthDate", "applicant.nationality", "applicant.surname");
        assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
        assertThat(r.body()).doesNotContain("at casedrill.", "Exception");
    }

    @Test
    void unreadableJsonAndUnknownEnumAre400WithoutStackTraces() {
        HttpResponse<String> broken = intake(newKey(), "{\"type\":");
        HttpResponse<String> badEnum = intake(newKey(), intakeBody("Fox", "1990-01-01").replace("WORK_PERMIT", "PIRATE"));

        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(badEnum.statusCode()).isEqualTo(400);
        assertThat(json(badEnum).get("detail").asString()).contains("'type'");
        assertThat(broken.body() + badEnum.body()).doesNotContain("at tools.jackson", "at org.springframework");
    }

    @Test
    void intakeNeedsAWellFormedIdempotencyKey() {
        HttpResponse<String> missing = service.api().post("/api/cases", Role.CLIENT, intakeBody("Gul", "1990-01-01"));
        HttpResponse<String> bad = intake("has spaces in it", intakeBody("Gul", "1990-01-01"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("detail").asString()).contains("Idempotency-Key");
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void oversizedBodiesAre413() {
        String huge = intakeBody("x".repeat(20_000), "1990-01-01");
        assertThat(intake(newKey(), huge).statusCode()).isEqualTo(413);
    }

    @Test
    void listingPagesNewestFirstAndFiltersByStatusAndType() {
        for (int i = 0; i < 3; i++) {
            newCase("Page" + i);
        }
        JsonNode first = json(service.api().get("/api/cases?status=RECEIVED&type=WORK_PERMIT&page=0&size=2",
                Role.CLIENT));
        JsonNode second = json(service.api().get("/api/cases?status=RECEIVED&type=WORK_PERMIT&page=1&size=2",
                Role.CLIENT));

        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(first.get("items").findValuesAsString("status")).containsOnly("RECEIVED");
        assertThat(second.get("items").findValuesAsString("id"))
                .doesNotContainAnyElementsOf(first.get("items").findValuesAsString("id"));
        assertThat(json(service.api().get("/api/cases?type=CITIZENSHIP", Role.OFFICER)).get("items")).isEmpty();
        assertThat(service.api().get("/api/cases?status=&type=&page=0&size=20", Role.CLIENT).statusCode())
                .as("empty filters mean no filter").isEqualTo(200);
        assertThat(service.api().get("/api/cases?size=101", Role.OFFICER).statusCode()).isEqualTo(400);
        assertThat(service.api().get("/api/cases?page=-1", Role.OFFICER).statusCode()).isEqualTo(400);
        assertThat(service.api().get("/api/cases?status=LOST", Role.OFFICER).statusCode()).isEqualTo(400);
    }

    @Test
    void screeningFindsPeopleBySurnameAndBirthDateAndValidatesItsQuery() {
        newCase("Ho");
        HttpResponse<String> r = service.api().get("/api/screening?surname=ho&birthDate=1990-04-01", Role.PARTNER);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode result = json(r);
        assertThat(result.get("matches")).hasSize(1);
        JsonNode match = result.get("matches").get(0);
        assertThat(match.get("surname").asString()).isEqualTo("Ho");
        assertThat(match.get("givenNames").asString()).isEqualTo("Ana Maria");
        assertThat(match.get("type").asString()).isEqualTo("WORK_PERMIT");
        assertThat(match.has("caseId") && match.has("nationality") && match.has("status")).isTrue();
        assertThat(result.get("truncated").asBoolean()).isFalse();
        assertThat(service.api().get("/api/screening?surname=Ho&birthDate=01-04-1990", Role.PARTNER).statusCode())
                .isEqualTo(400);
        assertThat(service.api().get("/api/screening?birthDate=1990-04-01", Role.PARTNER).statusCode())
                .isEqualTo(400);
    }

    @Test
    void missingOrUnknownTokenIs401AndAWrongRoleIs403() {
        HttpResponse<String> none = service.api().get("/api/cases/" + UUID.randomUUID(), null);
        HttpResponse<String> unknown = service.api().send(HttpRequest.newBuilder(
                URI.create(service.api().base() + "/api/cases")).header("Authorization",
                "Bearer not-a-real-token-at-all").GET().build());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).doesNotContain("not-a-real-token-at-all");
        assertThat(service.api().get("/api/cases", Role.PARTNER).statusCode()).as("partners may not list")
                .isEqualTo(403);
        assertThat(service.api().get("/api/cases/" + UUID.randomUUID(), Role.PARTNER).statusCode()).isEqualTo(403);
        assertThat(service.api().get("/api/screening?surname=Ho&birthDate=1990-04-01", Role.CLIENT).statusCode())
                .isEqualTo(403);
        assertThat(service.api().get("/api/screening?surname=Ho&birthDate=1990-04-01", Role.OFFICER).statusCode())
                .isEqualTo(403);
        assertThat(service.api().post("/api/cases/" + UUID.randomUUID() + "/decisions", Role.CLIENT,
                decisionBody("APPROVED", "o1"), "If-Match", "\"1\"").statusCode()).isEqualTo(403);
    }

    @Test
    void responsesNameTheNodeSiteAndTheDatabaseThatCommitted() throws Exception {
        HttpResponse<String> r = intake(newKey(), intakeBody("Identity", "1990-01-01"));
        String systemId;
        try (Connection c = service.adminConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT system_identifier FROM pg_control_system()")) {
            rs.next();
            systemId = Long.toString(rs.getLong(1));
        }

        assertThat(r.headers().firstValue("X-Served-By-Node")).hasValue("app-test-a");
        assertThat(r.headers().firstValue("X-Served-By-Site")).hasValue("dc1");
        assertThat(r.headers().firstValue("X-Db-System-Id")).hasValue(systemId);
        assertThat(r.headers().firstValue("X-Db-Timeline")).hasValue("1");
        assertThat(service.api().get("/actuator/health/liveness", null).headers().firstValue("X-Served-By-Node"))
                .hasValue("app-test-a");
    }

    @Test
    void readinessIncludesTheDatabaseAndMetricsArePrometheusText() {
        HttpResponse<String> ready = service.api().get("/actuator/health/readiness", null);
        HttpResponse<String> metrics = service.api().get("/actuator/prometheus", null);

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).get("components").has("db")).isTrue();
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("hikaricp_connections_active");
    }
}
