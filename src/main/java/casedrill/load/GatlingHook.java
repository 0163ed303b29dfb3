package casedrill.load;

import casedrill.history.Outcome;
import casedrill.probe.IntakeAttempt;
import io.gatling.javaapi.core.Session;
import java.util.Set;

/**
 * The non-blocking code Gatling runs around each request: {@link #beforeRequest} stamps the send time,
 * {@link #afterRequest} judges the outcome from the saved status (the status check never fails, so failed
 * requests reach it too) and feeds the recorder, the ledger and the case-id pool. Runs on Netty event loops.
 */
public final class GatlingHook {
    public static final String STATUS = "cd_status";
    public static final String NODE = "cd_node";
    public static final String SYSTEM_ID = "cd_systemId";
    public static final String TIMELINE = "cd_timeline";
    public static final String CASE_ID = "cd_caseId";
    public static final String KEY = "cd_key";
    public static final String SHA = "cd_sha";
    private static final String SENT_NANOS = "cd_sentNanos";
    private static final long TIMEOUT_SLACK_MICROS = 50_000;

    private final LoadParameters parameters;

    public GatlingHook(LoadParameters parameters) {
        this.parameters = parameters;
    }

    /** Removing absent keys costs nothing; they are present only on a chain's second request. */
    public Session beforeRequest(Session session) {
        return session.remove(STATUS).remove(NODE).remove(SYSTEM_ID).remove(TIMELINE).remove(CASE_ID)
                .set(SENT_NANOS, System.nanoTime());
    }

    public Session afterRequest(Session session, String transaction, Set<Integer> accepted) {
        long latencyMicros = (System.nanoTime() - session.getLong(SENT_NANOS)) / 1_000;
        long sentMs = parameters.clock().offsetMs() - latencyMicros / 1_000;
        int status = session.contains(STATUS) ? session.getInt(STATUS) : 0;
        boolean timedOut = status == 0
                && latencyMicros >= parameters.requestTimeout().toNanos() / 1_000 - TIMEOUT_SLACK_MICROS;
        Outcome outcome = accepted.contains(status) ? Outcome.OK : timedOut ? Outcome.UNKNOWN : Outcome.FAILED;
        String node = session.getString(NODE);
        String systemId = session.getString(SYSTEM_ID);
        if (parameters.recorder() != null) {
            parameters.recorder().record(new RequestRecorder.Request(transaction, sentMs, latencyMicros, outcome,
                    status, node, systemId));
        }
        if (session.contains(KEY)) {
            afterIntake(session, sentMs, status, timedOut, node, systemId);
        }
        return session;
    }

    private void afterIntake(Session session, long sentMs, int status, boolean timedOut, String node, String systemId) {
        String caseId = session.getString(CASE_ID);
        if (status == 200 || status == 201) {
            parameters.caseIds().add(caseId);
        }
        if (parameters.ledger() == null) {
            return;
        }
        // Gatling does not tell a refused connection from a reset one; both are recorded in doubt, never lost.
        IntakeAttempt.Failure failure = status != 0 ? IntakeAttempt.Failure.NONE
                : timedOut ? IntakeAttempt.Failure.TIMEOUT : IntakeAttempt.Failure.CONNECTION_LOST;
        long timeline = session.contains(TIMELINE) ? parseLong(session.getString(TIMELINE)) : 0;
        parameters.ledger().record(new IntakeAttempt(session.getString(KEY), session.getString(SHA), sentMs,
                parameters.clock().offsetMs(), status, caseId, node, systemId, timeline, failure));
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }
}
