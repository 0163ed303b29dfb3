package casedrill.probe;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The write canary: one case intake per probe, each with its own idempotency key, recorded in the ledger. */
public final class IntakeProbe implements ProbeTransaction {
    private static final Pattern CASE_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final String keyPrefix;
    private final String token;
    private final WriteLedger ledger;

    public IntakeProbe(String keyPrefix, String token, WriteLedger ledger) {
        this.keyPrefix = keyPrefix;
        this.token = token;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "intake";
    }

    @Override
    public HttpRequest.Builder request(URI base, long seq) {
        IntakeRequest intake = IntakeRequest.of(keyPrefix, seq);
        return HttpRequest.newBuilder(base.resolve("/api/cases"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", intake.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(intake.body()));
    }

    @Override
    public void completed(ProbeResult result, HttpResponse<String> response) {
        IntakeRequest intake = IntakeRequest.of(keyPrefix, result.seq());
        String caseId = null;
        String node = null;
        String systemId = null;
        long timeline = 0;
        if (response != null) {
            Matcher m = CASE_ID.matcher(response.body() == null ? "" : response.body());
            caseId = m.find() ? m.group(1) : null;
            node = response.headers().firstValue("X-Served-By-Node").orElse(null);
            systemId = response.headers().firstValue("X-Db-System-Id").orElse(null);
            timeline = response.headers().firstValue("X-Db-Timeline").map(IntakeProbe::parseLong).orElse(0L);
        }
        ledger.record(new IntakeAttempt(intake.idempotencyKey(), intake.sha256(), result.sentMs(), result.doneMs(),
                result.status(), caseId, node, systemId, timeline, result.failure()));
    }

    static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
