package casedrill.casestack;

import static casedrill.casestack.ApiClient.intakeBody;
import static casedrill.casestack.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import casedrill.casestack.auth.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Every endpoint of the case API against a real PostgreSQL: happy paths, bad input, auth. */
class CaseApiContractTest {
    @RegisterExtension
    static final CaseServiceExtension service = new CaseServiceExtension();

    private static HttpResponse<String> intake(String key, String body) {
        return service.api().post("/api/cases", Role.CLIENT, body, "Idempotency-Key", key);
    }

    private static String newKey() {
        return "k-" + UUID.randomUUID();
    }

    @Test
    void intakeAnswers201WithTheCaseItsLocationAndEtag() {
        HttpResponse<String> r = intake(newKey(), intakeBody("Ana Silva", "NL1234567"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode c = json(r);
        assertThat(c.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(c.get("version").asInt()).isEqualTo(1);
        assertThat(r.headers().firstValue("Location")).hasValue("/api/cases/" + c.get("id").asString());
        assertThat(r.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(r.headers().firstValue("Idempotency-Replayed")).hasValue("false");
    }

    @Test
    void statusAndHistoryFollowADecision() {
        String id = json(intake(newKey(), intakeBody("Bo Chen", "CN7654321"))).get("id").asString();

        HttpResponse<String> decided = service.api().post("/api/cases/" + id + "/decision", Role.OFFICER,
                "{\"outcome\":\"APPROVED\",\"reason\":\"documents complete\"}", "If-Match", "\"1\"",
                "Idempotency-Key", newKey());
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(decided.headers().firstValue("ETag")).hasValue("\"2\"");

        JsonNode status = json(service.api().get("/api/cases/" + id, Role.CLIENT));
        assertThat(status.get("status").asString()).isEqualTo("APPROVED");
        assertThat(status.get("decisionReason").asString()).isEqualTo("documents complete");

        JsonNode events = json(service.api().get("/api/cases/" + id + "/events", Role.CLIENT));
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("type").asString()).isEqualTo("RECEIVED");
        assertThat(events.get(0).get("actorRole").asString()).isEqualTo("CLIENT");
        assertThat(events.get(1).get("type").asString()).isEqualTo("APPROVED");
        assertThat(events.get(1).get("caseVersion").asInt()).isEqualTo(2);
    }

    @Test
    void aStaleIfMatchIsAConflictAndTheCaseKeepsItsFirstDecision() {
        String id = json(intake(newKey(), intakeBody("Cy Dube", "ZA1112223"))).get("id").asString();
        service.api().post("/api/cases/" + id + "/decision", Role.OFFICER, "{\"outcome\":\"REFUSED\",\"reason\":\"a\"}",
                "If-Match", "\"1\"", "Idempotency-Key", newKey());

        HttpResponse<String> late = service.api().post("/api/cases/" + id + "/decision", Role.OFFICER,
                "{\"outcome\":\"APPROVED\",\"reason\":\"b\"}", "If-Match", "\"1\"", "Idempotency-Key", newKey());

        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(service.api().get("/api/cases/" + id, Role.OFFICER)).get("status").asString()).isEqualTo("REFUSED");
    }

    @Test
    void aDecisionWithoutIfMatchIs428() {
        String id = json(intake(newKey(), intakeBody("Di Eze", "NG1112223"))).get("id").asString();
        HttpResponse<String> r = service.api().post("/api/cases/" + id + "/decision", Role.OFFICER,
                "{\"outcome\":\"REFUSED\",\"reason\":\"a\"}", "Idempotency-Key", newKey());
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
                {"applicantName":"","dateOfBirth":"2999-01-01","nationality":"nl","passportNumber":"x",\
                "caseType":"WORK"}""");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(r);
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("applicantName", "dateOfBirth", "nationality", "passportNumber");
        assertThat(r.body()).doesNotContain("at casedrill.", "Exception");
    }

    @Test
    void unreadableJsonAndUnknownEnumAre400WithoutStackTraces() {
        HttpResponse<String> broken = intake(newKey(), "{\"applicantName\":");
        HttpResponse<String> badEnum = intake(newKey(), intakeBody("Ed Fox", "GB1234567").replace("WORK", "PIRATE"));

        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(badEnum.statusCode()).isEqualTo(400);
        assertThat(broken.body() + badEnum.body()).doesNotContain("at tools.jackson", "at org.springframework");
    }

    @Test
    void writesNeedAWellFormedIdempotencyKey() {
        HttpResponse<String> missing = service.api().post("/api/cases", Role.CLIENT, intakeBody("Fa Gul", "PK1234567"));
        HttpResponse<String> bad = intake("has spaces in it", intakeBody("Fa Gul", "PK1234567"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("detail").asString()).contains("Idempotency-Key");
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void oversizedBodiesAre413() {
        String huge = intakeBody("x".repeat(20_000), "GB7654321");
        assertThat(intake(newKey(), huge).statusCode()).isEqualTo(413);
    }

    @Test
    void listingPagesNewestFirstAndFiltersByStatus() {
        for (int i = 0; i < 3; i++) {
            intake(newKey(), intakeBody("Page Person " + i, "PG000000" + i));
        }
        JsonNode first = json(service.api().get("/api/cases?status=RECEIVED&page=0&size=2", Role.OFFICER));
        JsonNode second = json(service.api().get("/api/cases?status=RECEIVED&page=1&size=2", Role.OFFICER));

        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(first.get("items").findValuesAsString("status")).containsOnly("RECEIVED");
        assertThat(second.get("items").findValuesAsString("id"))
                .doesNotContainAnyElementsOf(first.get("items").findValuesAsString("id"));
        assertThat(service.api().get("/api/cases?size=101", Role.OFFICER).statusCode()).isEqualTo(400);
        assertThat(service.api().get("/api/cases?page=-1", Role.OFFICER).statusCode()).isEqualTo(400);
        assertThat(service.api().get("/api/cases?status=LOST", Role.OFFICER).statusCode()).isEqualTo(400);
    }

    @Test
    void screeningFindsCasesByTravelDocumentAndValidatesItsQuery() {
        intake(newKey(), intakeBody("Gi Ho", "SCR000001"));
        HttpResponse<String> r = service.api().get("/api/screening?passportNumber=SCR000001&nationality=NLD", Role.PARTNER);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode result = json(r);
        assertThat(result.get("matches")).hasSize(1);
        assertThat(result.get("matches").get(0).get("applicantName").asString()).isEqualTo("Gi Ho");
        assertThat(result.get("matches").get(0).has("dateOfBirth")).as("partners see no date of birth").isFalse();
        assertThat(result.get("truncated").asBoolean()).isFalse();
        assertThat(service.api().get("/api/screening?passportNumber=bad&nationality=NLD", Role.PARTNER).statusCode())
                .isEqualTo(400);
    }

    @Test
    void missingOrUnknownTokenIs401AndAWrongRoleIs403() {
        HttpResponse<String> none = service.api().get("/api/cases/" + UUID.randomUUID(), null);
        HttpResponse<String> unknown = service.api().send(HttpRequest.newBuilder(java.net.URI.create(service.api().base() + "/api/cases"))
                .header("Authorization", "Bearer not-a-real-token-at-all").GET().build());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).doesNotContain("not-a-real-token-at-all");
        assertThat(service.api().get("/api/cases", Role.CLIENT).statusCode()).as("clients may not list").isEqualTo(403);
        assertThat(service.api().get("/api/cases/" + UUID.randomUUID(), Role.PARTNER).statusCode()).isEqualTo(403);
        assertThat(service.api().get("/api/screening?passportNumber=AAAAAA&nationality=NLD", Role.CLIENT).statusCode())
                .isEqualTo(403);
        assertThat(service.api().post("/api/cases/" + UUID.randomUUID() + "/decision", Role.CLIENT,
                "{\"outcome\":\"APPROVED\",\"reason\":\"r\"}", "If-Match", "\"1\"", "Idempotency-Key", newKey())
                .statusCode()).isEqualTo(403);
    }

    @Test
    void responsesNameTheNodeSiteAndTheDatabaseThatCommitted() throws Exception {
        HttpResponse<String> r = intake(newKey(), intakeBody("Id Entity", "ID0000001"));
        String systemId;
        try (Connection c = service.adminConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT system_identifier FROM pg_control_system()")) {
            rs.next();
            systemId = Long.toString(rs.getLong(1));
        }

        assertThat(r.headers().firstValue("Casedrill-Node")).hasValue("app-test-a");
        assertThat(r.headers().firstValue("Casedrill-Site")).hasValue("dc1");
        assertThat(r.headers().firstValue("Casedrill-Db-System-Id")).hasValue(systemId);
        assertThat(r.headers().firstValue("Casedrill-Db-Timeline")).hasValue("1");
        assertThat(service.api().get("/actuator/health/liveness", null).headers().firstValue("Casedrill-Node"))
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
