package casedrill.casestack;

import static casedrill.casestack.ApiClient.intakeBody;
import static casedrill.casestack.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import casedrill.casestack.auth.Role;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The harness drives assaults through the actuator; they must change behaviour as configured. */
class ChaosMonkeyAssaultTest {
    @RegisterExtension
    static final CaseServiceExtension service = new CaseServiceExtension();
    private static String caseId;

    @BeforeAll
    static void fileACase() {
        caseId = json(service.api().post("/api/cases", Role.CLIENT, intakeBody("Qu", "1975-03-03"), "Idempotency-Key",
                "chaos-" + UUID.randomUUID())).get("id").asString();
    }

    @AfterEach
    void calm() {
        actuator("/actuator/chaosmonkey/disable", "");
        actuator("/actuator/chaosmonkey/assaults", "{\"exceptionsActive\":false,\"latencyActive\":false}");
    }

    @Test
    void startsIdleAndReportsItsStatus() {
        HttpResponse<String> status = service.api().get("/actuator/chaosmonkey/status", null);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(json(status).get("enabled").asBoolean()).isFalse();
        assertThat(readCase().statusCode()).isEqualTo(200);
    }

    @Test
    void exceptionAssaultTurnsRequestsInto500sUntilSwitchedOff() {
        actuator("/actuator/chaosmonkey/assaults", "{\"level\":1,\"exceptionsActive\":true,\"latencyActive\":false}");
        actuator("/actuator/chaosmonkey/enable", "");

        HttpResponse<String> assaulted = readCase();
        assertThat(assaulted.statusCode()).isEqualTo(500);
        assertThat(assaulted.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(assaulted.body()).doesNotContain("Chaos Monkey", "at de.codecentric");

        actuator("/actuator/chaosmonkey/disable", "");
        assertThat(readCase().statusCode()).isEqualTo(200);
    }

    @Test
    void latencyAssaultSlowsRequestsByAtLeastItsRange() {
        actuator("/actuator/chaosmonkey/assaults", "{\"level\":1,\"latencyActive\":true,\"exceptionsActive\":false,"
                + "\"latencyRangeStart\":400,\"latencyRangeEnd\":500}");
        actuator("/actuator/chaosmonkey/enable", "");

        long started = System.nanoTime();
        HttpResponse<String> slowed = readCase();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(slowed.statusCode()).isEqualTo(200);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    private static HttpResponse<String> readCase() {
        return service.api().get("/api/cases/" + caseId, Role.CLIENT);
    }

    private static void actuator(String path, String json) {
        HttpResponse<String> r = service.api().post(path, null, json.isEmpty() ? "{}" : json);
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(200);
    }
}
