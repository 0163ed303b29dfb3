package casedrill.probe;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
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
            caseId = caseIdIn(response.body()).orElse(null);
            node = response.headers().firstValue("X-Served-By-Node").orElse(null);
            systemId = response.headers().firstValue("X-Db-System-Id").orElse(null);
            timeline = response.headers().firstValue("X-Db-Timeline").map(IntakeProbe::parseLong).orElse(0L);
        }
        ledger.record(new IntakeAttempt(intake.idempotencyKey(), intake.sha256(), result.sentMs(), result.doneMs(),
                result.status(), caseId, node, systemId, timeline, result.failure()));
    }

    /** The id of the case an intake answer created (or replayed), if the body names one. */
    public static Optional<String> caseIdIn(String body) {
        Matcher m = CASE_ID.matcher(body == null ? "" : body);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
