package casedrill.casestack;

import static casedrill.casestack.ApiClient.decisionBody;
import static casedrill.casestack.ApiClient.intakeBody;
import static casedrill.casestack.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import casedrill.casestack.auth.Role;
import casedrill.casestack.cases.CaseRepository;
import casedrill.casestack.cases.CaseService;
import casedrill.casestack.cases.DecisionRequest;
import casedrill.casestack.cases.Outcome;
import casedrill.casestack.cases.RequestFingerprint;
import casedrill.casestack.db.DatabaseWork;
import casedrill.casestack.db.RetryBudget;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Idempotent intake, optimistic decisions under contention, and the screening index. */
class CaseConsistencyTest {
    @RegisterExtension
    static final CaseServiceExtension service = new CaseServiceExtension();

    @Test
    void aRetriedIntakeReturnsTheSameCaseAndWritesOneRow() throws Exception {
        String key = "retry-" + UUID.randomUUID();
        String body = intakeBody("Ito", "1985-05-05");

        HttpResponse<String> first = service.api().post("/api/cases", Role.CLIENT, body, "Idempotency-Key", key);
        HttpResponse<String> again = service.api().post("/api/cases", Role.CLIENT, body, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("id").asString()).isEqualTo(json(first).get("id").asString());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(rowsWithKey(key)).isEqualTo(1);
    }

    @Test
    void aKeyReusedForADifferentBodyIs422AndWritesNothing() throws Exception {
        String key = "reuse-" + UUID.randomUUID();
        service.api().post("/api/cases", Role.CLIENT, intakeBody("Ja", "1985-05-05"), "Idempotency-Key", key);

        HttpResponse<String> other = service.api().post("/api/cases", Role.CLIENT, intakeBody("Else", "1985-05-05"),
                "Idempotency-Key", key);

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(rowsWithKey(key)).isEqualTo(1);
    }

    @Test
    void concurrentIntakesWithOneKeyCreateOneCase() throws Exception {
        String key = "race-" + UUID.randomUUID();
        String body = intakeBody("Ka", "1985-05-05");
        List<HttpResponse<String>> responses = concurrently(8,
                () -> service.api().post("/api/cases", Role.CLIENT, body, "Idempotency-Key", key));

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201, 200);
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).as("exactly one request created it").hasSize(1);
        assertThat(responses).extracting(r -> json(r).get("id").asString())
                .containsOnly(json(responses.get(0)).get("id").asString());
        assertThat(rowsWithKey(key)).isEqualTo(1);
    }

    @Test
    void concurrentDecisionsOnOneVersionLetExactlyOneWin() throws Exception {
        String id = newCase("Lo");
        AtomicInteger officer = new AtomicInteger();
        List<HttpResponse<String>> responses = concurrently(6, () -> service.api().post("/api/cases/" + id
                + "/decisions", Role.OFFICER, decisionBody("APPROVED", "officer-" + officer.incrementAndGet()),
                "If-Match", "\"1\""));

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 409);
        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(json(service.api().get("/api/cases/" + id + "/events", Role.OFFICER))).as("one decision event")
                .hasSize(2);
    }

    @Test
    void aClientRepeatingADecisionWithoutAKeyGets409ButNeverASecondDecision() {
        String id = newCase("Ma");
        String body = decisionBody("REFUSED", "officer-1");
        HttpResponse<String> first = decide(id, body);
        HttpResponse<String> repeat = decide(id, body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(repeat.statusCode()).as("same body, but nothing proves it is the same request").isEqualTo(409);
        assertThat(repeat.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(json(service.api().get("/api/cases/" + id + "/events", Role.OFFICER))).hasSize(2);
    }

    @Test
    void aDecisionRepeatedWithItsIdempotencyKeyFindsItsOwnCommit() {
        String id = newCase("Na");
        String key = "decision-" + UUID.randomUUID();
        String body = decisionBody("REFUSED", "officer-1");

        HttpResponse<String> first = decide(id, body, "Idempotency-Key", key);
        HttpResponse<String> repeat = decide(id, body, "Idempotency-Key", key);
        HttpResponse<String> otherBody = decide(id, decisionBody("APPROVED", "officer-1"), "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(json(repeat).get("version").asInt()).isEqualTo(2);
        assertThat(otherBody.statusCode()).isEqualTo(422);
        assertThat(json(service.api().get("/api/cases/" + id + "/events", Role.OFFICER))).as("applied once").hasSize(2);
    }

    @Test
    void aDecisionWhoseCommitSucceededButWhoseAnswerWasLostIsAppliedOnce() {
        String id = newCase("Lost");
        AtomicBoolean loseNextAnswer = new AtomicBoolean(true);
        // Commits, then reports the connection lost: the outcome is unknown to the caller.
        TransactionTemplate losingAnswers = new TransactionTemplate(service.bean(PlatformTransactionManager.class)) {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                T result = super.execute(action);
                if (loseNextAnswer.getAndSet(false)) {
                    throw new DataAccessResourceFailureException("connection lost after COMMIT",
                            new SQLException("An I/O error occurred while sending to the backend.", "08006"));
                }
                return result;
            }
        };
        CaseService cases = new CaseService(service.bean(CaseRepository.class), new DatabaseWork(
                service.bean(JdbcClient.class), losingAnswers, RetryBudget.ofSystemTime(Duration.ofSeconds(5), e -> { })));
        String body = decisionBody("REFUSED", "officer-1");

        var served = cases.decide(UUID.fromString(id), 1, new DecisionRequest(Outcome.REFUSED, "officer-1", "checked"),
                null, RequestFingerprint.of(body.getBytes(StandardCharsets.UTF_8)), Role.OFFICER);

        assertThat(loseNextAnswer).as("the first answer was lost").isFalse();
        assertThat(served.value().version()).as("the repeat recognised its own commit").isEqualTo(2);
        assertThat(json(service.api().get("/api/cases/" + id + "/events", Role.OFFICER))).as("decided once").hasSize(2);
    }

    @Test
    void screeningUsesItsIndexAndIsBounded() throws Exception {
        try (Connection c = service.adminConnection()) {
            // Enough rows that a sequential scan would be the planner's choice without the index.
            c.createStatement().execute("""
                    INSERT INTO cases (id, case_type, status, version, surname, given_names, birth_date, nationality,
                        idempotency_key, request_sha256)
                    SELECT gen_random_uuid(), 'VISITOR_VISA', 'RECEIVED', 1, 'Bulk' || g, 'B', DATE '1980-01-01',
                        'FRA', 'bulk-' || g, repeat('0', 64)
                    FROM generate_series(1, 20000) g""");
            c.createStatement().execute("""
                    INSERT INTO cases (id, case_type, status, version, surname, given_names, birth_date, nationality,
                        idempotency_key, request_sha256)
                    SELECT gen_random_uuid(), 'VISITOR_VISA', 'RECEIVED', 1, 'Twin', 'T' || g, DATE '1970-07-07',
                        'FRA', 'twin-' || g, repeat('0', 64)
                    FROM generate_series(1, 60) g""");
            c.createStatement().execute("ANALYZE cases");
            String plan = explain(c, "Bulk1234", "1980-01-01");

            assertThat(plan).contains("cases_screening_idx").doesNotContain("Seq Scan");
        }
        var result = json(service.api().get("/api/screening?surname=TWIN&birthDate=1970-07-07", Role.PARTNER));
        assertThat(result.get("matches")).hasSize(50);
        assertThat(result.get("truncated").asBoolean()).isTrue();
    }

    private static String newCase(String surname) {
        return json(service.api().post("/api/cases", Role.CLIENT, intakeBody(surname, "1985-05-05"),
                "Idempotency-Key", "case-" + UUID.randomUUID())).get("id").asString();
    }

    private static HttpResponse<String> decide(String id, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "If-Match";
        all[1] = "\"1\"";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return service.api().post("/api/cases/" + id + "/decisions", Role.OFFICER, body, all);
    }

    private static String explain(Connection c, String surname, String birthDate) throws Exception {
        String sql = "EXPLAIN " + CaseRepository.SCREENING_SQL.replace(":surname", "?")
                .replace(":birthDate", "?").replace(":rows", "51");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, surname);
            ps.setObject(2, java.time.LocalDate.parse(birthDate));
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
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM cases WHERE idempotency_key = ?")) {
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
