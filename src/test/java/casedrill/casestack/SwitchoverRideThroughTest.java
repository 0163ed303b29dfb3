package casedrill.casestack;

import static casedrill.casestack.ApiClient.intakeBody;
import static casedrill.casestack.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import casedrill.casestack.auth.Role;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a planned switchover looks like to the service: the database turns read-only (25006) or
 * drops its connections (57P01), then comes back. Idempotent requests ride through within the
 * retry budget; past it they get 503.
 */
class SwitchoverRideThroughTest {
    private static final Duration BUDGET = Duration.ofSeconds(8);
    private static final Pattern RETRIES = Pattern.compile("(?m)^casestack_db_retries_total(?:\\{[^}]*})? (\\S+)$");

    @RegisterExtension
    static final CaseServiceExtension service = new CaseServiceExtension(BUDGET);

    @AfterEach
    void writable() throws Exception {
        setReadOnly(false);
    }

    @Test
    void anIntakeThatMeetsAReadOnlyDatabaseSucceedsOnceItIsWritableAgain() throws Exception {
        String key = "switchover-" + UUID.randomUUID();
        double retriesBefore = retries();
        setReadOnly(true);

        CompletableFuture<HttpResponse<String>> pending = CompletableFuture.supplyAsync(
                () -> service.api().post("/api/cases", Role.CLIENT, intakeBody("Switch", "1975-03-03"), "Idempotency-Key", key));
        await("the service retrying against the read-only database").atMost(Duration.ofSeconds(6))
                .until(() -> retries() > retriesBefore);
        setReadOnly(false);
        HttpResponse<String> r = pending.get(30, TimeUnit.SECONDS);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r).get("applicant").get("surname").asString()).isEqualTo("Switch");
    }

    @Test
    void aDatabaseReadOnlyForLongerThanTheBudgetGives503AndWritesNothing() throws Exception {
        String key = "too-long-" + UUID.randomUUID();
        setReadOnly(true);

        long started = System.nanoTime();
        HttpResponse<String> r = service.api().post("/api/cases", Role.CLIENT, intakeBody("TooLong", "1975-03-03"),
                "Idempotency-Key", key);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(r.body()).doesNotContain("25006", "read-only");
        assertThat(took).as("it kept trying for the budget").isGreaterThanOrEqualTo(BUDGET);
        setReadOnly(false);
        assertThat(service.api().get("/api/screening?surname=TooLong&birthDate=1975-03-03", Role.PARTNER).body())
                .contains("\"matches\":[]");
    }

    @Test
    void requestsRideThroughTerminatedConnections() throws Exception {
        String id = json(service.api().post("/api/cases", Role.CLIENT, intakeBody("Terminated", "1975-03-03"), "Idempotency-Key",
                "term-" + UUID.randomUUID())).get("id").asString();
        try (Connection c = service.adminConnection()) {
            c.createStatement().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE usename = '" + RunningCaseService.DB_USER + "'");
        }
        for (int i = 0; i < 5; i++) {
            assertThat(service.api().get("/api/cases/" + id, Role.CLIENT).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aFrozenDatabaseCostsABoundedWaitAndA503NotAHang() throws Exception {
        String id = json(service.api().post("/api/cases", Role.CLIENT, intakeBody("Frozen", "1975-03-03"),
                "Idempotency-Key", "frozen-" + UUID.randomUUID())).get("id").asString();
        service.postgres().freeze();
        HttpResponse<String> r;
        try {
            // The client gives up after 30 s; socket and login timeouts must end each attempt well before.
            r = service.api().get("/api/cases/" + id, Role.CLIENT);
        } finally {
            service.postgres().thaw();
        }
        assertThat(r.statusCode()).isEqualTo(503);
        await("reads work again after the thaw").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> service.api().get("/api/cases/" + id, Role.CLIENT).statusCode() == 200);
    }

    /** Like a demoted primary: every new transaction is read-only, for existing sessions too. */
    private static void setReadOnly(boolean readOnly) throws Exception {
        try (Connection c = service.adminConnection()) {
            c.createStatement().execute("ALTER SYSTEM SET default_transaction_read_only = " + readOnly);
            c.createStatement().execute("SELECT pg_reload_conf()");
        }
        await("default_transaction_read_only = " + readOnly).atMost(Duration.ofSeconds(10)).until(() -> {
            try (Connection c = service.adminConnection();
                    ResultSet rs = c.createStatement().executeQuery("SHOW default_transaction_read_only")) {
                rs.next();
                return rs.getString(1).equals(readOnly ? "on" : "off");
            }
        });
    }

    private static double retries() {
        Matcher m = RETRIES.matcher(service.api().get("/actuator/prometheus", null).body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
