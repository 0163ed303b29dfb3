package casedrill.load;

import casedrill.history.Outcome;
import casedrill.probe.IntakeAttempt;
import io.gatling.javaapi.core.Session;

/**
 * The non-blocking code Gatling runs around each request: {@link #beforeRequest} stamps the send time,
 * {@link #afterRequest} judges the outcome from the {@link ResponseIdentity} that {@link IdentityCheck} saved
 * (the identity check never fails, so failed requests reach it too; no identity means no response) and feeds the recorder,
 * the ledger and the case-id pool. Runs on Netty event loops, so it does as little as it can: one session write
 * before, one removal after, nothing that blocks.
 */
public final class GatlingHook {
    public static final String IDENTITY = "cd_identity";
    public static final String CASE_ID = "cd_caseId";
    public static final String KEY = "cd_key";
    public static final String SHA = "cd_sha";
    private static final String SENT_NANOS = "cd_sentNanos";
    private static final long TIMEOUT_SLACK_MICROS = 50_000;

    private final LoadParameters parameters;
    private final long timeoutMicros;

    public GatlingHook(LoadParameters parameters) {
        this.parameters = parameters;
        this.timeoutMicros = parameters.requestTimeout().toNanos() / 1_000;
    }

    public Session beforeRequest(Session session) {
        return session.set(SENT_NANOS, System.nanoTime());
    }

    /**
     * The identity is removed again so that a chain's next request (decision after its read) cannot inherit it
     * when it gets no response.
     */
    public Session afterRequest(Session session, String transaction, ExpectedStatuses expected) {
        long latencyMicros = (System.nanoTime() - session.getLong(SENT_NANOS)) / 1_000;
        long sentMs = parameters.clock().offsetMs() - latencyMicros / 1_000;
        ResponseIdentity identity = session.get(IDENTITY);
        int status = identity == null ? 0 : identity.status();
        boolean timedOut = status == 0 && latencyMicros >= timeoutMicros - TIMEOUT_SLACK_MICROS;
        Outcome outcome = expected.outcome(status, timedOut);
        String node = identity == null ? null : identity.node();
        String systemId = identity == null ? null : identity.systemId();
        if (parameters.recorder() != null) {
            parameters.recorder().record(new RequestRecorder.Request(transaction, sentMs, latencyMicros, outcome,
                    status, node, systemId));
        }
        if (session.contains(KEY)) {
            return afterIntake(session, sentMs, outcome.ok(), status, timedOut, identity);
        }
        return identity == null ? session : session.remove(IDENTITY);
    }

    /** Intake is a chain's only request; the case id is removed with the identity all the same. */
    private Session afterIntake(Session session, long sentMs, boolean created, int status, boolean timedOut,
                                ResponseIdentity identity) {
        String caseId = session.getString(CASE_ID);
        if (created) {
            parameters.caseIds().add(caseId);
        }
        Session cleared = session.remove(IDENTITY).remove(CASE_ID);
        if (parameters.ledger() == null) {
            return cleared;
        }
        // Gatling does not tell a refused connection from a reset one; both are recorded in doubt, never lost.
        IntakeAttempt.Failure failure = status != 0 ? IntakeAttempt.Failure.NONE
                : timedOut ? IntakeAttempt.Failure.TIMEOUT : IntakeAttempt.Failure.CONNECTION_LOST;
        long timeline = identity == null ? 0 : parseLong(identity.timeline());
        parameters.ledger().record(new IntakeAttempt(session.getString(KEY), session.getString(SHA), sentMs,
                parameters.clock().offsetMs(), status, caseId, identity == null ? null : identity.node(),
                identity == null ? null : identity.systemId(), timeline, failure));
        return cleared;
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }
}
