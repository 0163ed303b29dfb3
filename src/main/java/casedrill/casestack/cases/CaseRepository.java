package casedrill.casestack.cases;

import casedrill.casestack.auth.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for cases and their events; runs inside the caller's transaction. */
@Repository
public class CaseRepository {
    private static final String CASE_COLUMNS = "id, applicant_name, date_of_birth, nationality, passport_number,"
            + " case_type, status, decision_reason, version, created_at, updated_at";

    /** Public so the test can EXPLAIN exactly the statement the service runs. */
    public static final String SCREENING_SQL = "SELECT id, applicant_name, case_type, status, created_at"
            + " FROM immigration_case WHERE passport_number = :passport AND nationality = :nationality"
            + " ORDER BY created_at DESC LIMIT :rows";

    private final JdbcClient jdbc;

    public CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the key exists; waits for a concurrent insert of the same key to finish. */
    Optional<ImmigrationCase> insertIfNewKey(UUID id, IntakeRequest r, String key, String fingerprint) {
        return jdbc.sql("INSERT INTO immigration_case (id, applicant_name, date_of_birth, nationality, passport_number,"
                        + " case_type, status, version, idempotency_key, request_hash)"
                        + " VALUES (:id, :name, :dob, :nationality, :passport, :type, 'RECEIVED', 1, :key, :hash)"
                        + " ON CONFLICT (idempotency_key) DO NOTHING RETURNING " + CASE_COLUMNS)
                .param("id", id).param("name", r.applicantName()).param("dob", r.dateOfBirth())
                .param("nationality", r.nationality()).param("passport", r.passportNumber())
                .param("type", r.caseType().name()).param("key", key).param("hash", fingerprint)
                .query(CaseRepository::toCase).optional();
    }

    record KeyedCase(ImmigrationCase value, String fingerprint) {
    }

    Optional<KeyedCase> findByIdempotencyKey(String key) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + ", request_hash FROM immigration_case WHERE idempotency_key = :key")
                .param("key", key)
                .query((rs, n) -> new KeyedCase(toCase(rs, n), rs.getString("request_hash"))).optional();
    }

    Optional<ImmigrationCase> find(UUID id) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM immigration_case WHERE id = :id")
                .param("id", id).query(CaseRepository::toCase).optional();
    }

    /** Applies a decision only if the case is still at {@code expectedVersion} and undecided. */
    Optional<ImmigrationCase> decide(UUID id, int expectedVersion, DecisionRequest d) {
        return jdbc.sql("UPDATE immigration_case SET status = :status, decision_reason = :reason,"
                        + " version = version + 1, updated_at = now()"
                        + " WHERE id = :id AND version = :expected AND status = 'RECEIVED' RETURNING " + CASE_COLUMNS)
                .param("status", d.outcome().status().name()).param("reason", d.reason())
                .param("id", id).param("expected", expectedVersion)
                .query(CaseRepository::toCase).optional();
    }

    void appendEvent(ImmigrationCase c, Role actor, String detail, String key, String fingerprint) {
        jdbc.sql("INSERT INTO case_event (case_id, event_type, case_version, actor_role, detail, idempotency_key,"
                        + " request_hash) VALUES (:case, :type, :version, :actor, :detail, :key, :hash)")
                .param("case", c.id()).param("type", c.status().name()).param("version", c.version())
                .param("actor", actor.name()).param("detail", detail).param("key", key).param("hash", fingerprint)
                .update();
    }

    /** The fingerprint of the request that wrote this key on this case, if any did. */
    Optional<String> eventFingerprint(UUID caseId, String key) {
        return jdbc.sql("SELECT request_hash FROM case_event WHERE case_id = :case AND idempotency_key = :key")
                .param("case", caseId).param("key", key).query(String.class).optional();
    }

    List<CaseEvent> events(UUID caseId, int limit) {
        return jdbc.sql("SELECT id, event_type, case_version, actor_role, detail, occurred_at FROM case_event"
                        + " WHERE case_id = :case ORDER BY id LIMIT :limit")
                .param("case", caseId).param("limit", limit)
                .query((rs, n) -> new CaseEvent(rs.getLong("id"), CaseStatus.valueOf(rs.getString("event_type")),
                        rs.getInt("case_version"), Role.valueOf(rs.getString("actor_role")), rs.getString("detail"),
                        rs.getObject("occurred_at", OffsetDateTime.class)))
                .list();
    }

    /** Newest first; fetches one extra row to know whether another page exists. */
    List<ImmigrationCase> list(CaseStatus status, int offset, int rows) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM immigration_case"
                        + " WHERE (CAST(:status AS text) IS NULL OR status = :status)"
                        + " ORDER BY created_at DESC, id LIMIT :rows OFFSET :offset")
                .param("status", status == null ? null : status.name()).param("rows", rows).param("offset", offset)
                .query(CaseRepository::toCase).list();
    }

    List<ScreeningMatch> screen(String passportNumber, String nationality, int rows) {
        return jdbc.sql(SCREENING_SQL)
                .param("passport", passportNumber).param("nationality", nationality).param("rows", rows)
                .query((rs, n) -> new ScreeningMatch(rs.getObject("id", UUID.class), rs.getString("applicant_name"),
                        CaseType.valueOf(rs.getString("case_type")), CaseStatus.valueOf(rs.getString("status")),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    private static ImmigrationCase toCase(ResultSet rs, int row) throws SQLException {
        return new ImmigrationCase(rs.getObject("id", UUID.class), rs.getString("applicant_name"),
                rs.getObject("date_of_birth", LocalDate.class), rs.getString("nationality"),
                rs.getString("passport_number"), CaseType.valueOf(rs.getString("case_type")),
                CaseStatus.valueOf(rs.getString("status")), rs.getString("decision_reason"), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
