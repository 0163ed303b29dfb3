package casedrill.casestack;

import static casedrill.casestack.ApiClient.intakeBody;
import static casedrill.casestack.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import casedrill.casestack.auth.Role;
import casedrill.casestack.cases.CaseRepository;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Idempotent intake, optimistic decisions under contention, and the screening index. */
class CaseConsistencyTest {
    @RegisterExtension
    static final CaseServiceExtension service = new CaseServiceExtension();

    @Test
    void aRetriedIntakeReturnsTheSameCaseAndWritesOneRow() throws Exception {
        String key = "retry-" + UUID.randomUUID();
        String body = intakeBody("Ha Ito", "JP1234567");

        HttpResponse<String> first = service.api().post("/api/cases", Role.CLIENT, body, "Idempotency-Key", key);
        HttpResponse<String> again = service.api().post("/api/cases", Role.CLIENT, body, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json(again).get("id").asString()).isEqualTo(json(first).get("id").asString());
        assertThat(again.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(rowsWithKey(key)).isEqualTo(1);
    }

    @Test
    void aKeyReusedForADifferentBodyIs422AndWritesNothing() throws Exception {
        String key = "reuse-" + UUID.randomUUID();
        service.api().post("/api/cases", Role.CLIENT, intakeBody("Io Ja", "JP7654321"), "Idempotency-Key", key);

        HttpResponse<String> other = service.api().post("/api/cases", Role.CLIENT, intakeBody("Someone Else", "JP7654321"),
                "Idempotency-Key", key);

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(rowsWithKey(key)).isEqualTo(1);
    }

    @Test
    void concurrentIntakesWithOneKeyCreateOneCase() throws Exception {
        String key = "race-" + UUID.randomUUID();
        String body = intakeBody("Ju Ka", "KR1234567");
        List<HttpResponse<String>> responses = concurrently(8,
                () -> service.api().post("/api/cases", Role.CLIENT, body, "Idempotency-Key", key));

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201);
        assertThat(responses).extracting(r -> json(r).get("id").asString()).containsOnly(
                json(responses.get(0)).get("id").asString());
        assertThat(responses).filteredOn(r -> r.headers().firstValue("Idempotency-Replayed").orElse("").equals("false"))
                .as("exactly one request created the case").hasSize(1);
        assertThat(rowsWithKey(key)).isEqualTo(1);
    }

    @Test
    void concurrentDecisionsOnOneVersionLetExactlyOneWin() throws Exception {
        String id = json(service.api().post("/api/cases", Role.CLIENT, intakeBody("Ki Lo", "KR7654321"), "Idempotency-Key",
                "case-" + UUID.randomUUID())).get("id").asString();
        List<HttpResponse<String>> responses = concurrently(6, () -> service.api().post("/api/cases/" + id + "/decision",
                Role.OFFICER, "{\"outcome\":\"APPROVED\",\"reason\":\"ok\"}", "If-Match", "\"1\"",
                "Idempotency-Key", "decision-" + UUID.randomUUID()));

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 409);
        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(json(service.api().get("/api/cases/" + id + "/events", Role.OFFICER))).as("one decision event").hasSize(2);
    }

    @Test
    void aRepeatedDecisionFindsItsOwnCommitInsteadOfConflicting() {
        String id = json(service.api().post("/api/cases", Role.CLIENT, intakeBody("Lu Ma", "MX1234567"), "Idempotency-Key",
                "case-" + UUID.randomUUID())).get("id").asString();
        String key = "decision-" + UUID.randomUUID();
        String body = "{\"outcome\":\"REFUSED\",\"reason\":\"incomplete\"}";

        HttpResponse<String> first = service.api().post("/api/cases/" + id + "/decision", Role.OFFICER, body, "If-Match", "\"1\"",
                "Idempotency-Key", key);
        // The client never saw that answer (say the connection dropped) and repeats the same request.
        HttpResponse<String> repeat = service.api().post("/api/cases/" + id + "/decision", Role.OFFICER, body, "If-Match",
                "\"1\"", "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(json(repeat).get("version").asInt()).isEqualTo(2);
        assertThat(json(service.api().get("/api/cases/" + id + "/events", Role.OFFICER))).as("applied once").hasSize(2);
    }

    @Test
    void screeningUsesItsIndexAndIsBounded() throws Exception {
        try (Connection c = service.adminConnection()) {
            // Enough rows that a sequential scan would be the planner's choice without the index.
            c.createStatement().execute("""
                    INSERT INTO immigration_case (id, applicant_name, date_of_birth, nationality, passport_number,
                        case_type, status, version, idempotency_key, request_hash)
                    SELECT gen_random_uuid(), 'Bulk ' || g, DATE '1980-01-01', 'FRA', 'FR' || lpad(g::text, 7, '0'),
                        'VISITOR', 'RECEIVED', 1, 'bulk-' || g, 'x'
                    FROM generate_series(1, 20000) g""");
            c.createStatement().execute("""
                    INSERT INTO immigration_case (id, applicant_name, date_of_birth, nationality, passport_number,
                        case_type, status, version, idempotency_key, request_hash)
                    SELECT gen_random_uuid(), 'Twin ' || g, DATE '1980-01-01', 'FRA', 'FRTWIN01',
                        'VISITOR', 'RECEIVED', 1, 'twin-' || g, 'x'
                    FROM generate_series(1, 30) g""");
            c.createStatement().execute("ANALYZE immigration_case");
            String plan = explain(c, "FR0001234", "FRA");

            assertThat(plan).contains("immigration_case_passport_idx").doesNotContain("Seq Scan");
        }
        var result = json(service.api().get("/api/screening?passportNumber=FRTWIN01&nationality=FRA", Role.PARTNER));
        assertThat(result.get("matches")).hasSize(20);
        assertThat(result.get("truncated").asBoolean()).isTrue();
    }

    private static String explain(Connection c, String passport, String nationality) throws Exception {
        String sql = "EXPLAIN " + CaseRepository.SCREENING_SQL.replace(":passport", "?")
                .replace(":nationality", "?").replace(":rows", "21");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, passport);
            ps.setString(2, nationality);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static long rowsWithKey(String key) throws Exception {
        try (Connection c = service.adminConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM immigration_case WHERE idempotency_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Runs the call n times at once (released together) and returns every result. */
    private static <T> List<T> concurrently(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
