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
    private static final String CASE_COLUMNS = "id, case_type, status, version, surname, given_names, birth_date,"
            + " nationality, created_at, updated_at";

    /** Public so the test can EXPLAIN exactly the statement the service runs. */
    public static final String SCREENING_SQL = "SELECT id, surname, given_names, birth_date, nationality, case_type,"
            + " status FROM cases WHERE lower(surname) = lower(:surname) AND birth_date = :birthDate"
            + " ORDER BY created_at DESC LIMIT :rows";

    private final JdbcClient jdbc;

    public CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the key exists; waits for a concurrent insert of the same key to finish. */
    Optional<ImmigrationCase> insertIfNewKey(UUID id, IntakeRequest r, String key, String sha256) {
        Applicant a = r.applicant();
        return jdbc.sql("INSERT INTO cases (id, case_type, status, version, surname, given_names, birth_date,"
                        + " nationality, idempotency_key, request_sha256)"
                        + " VALUES (:id, :type, 'RECEIVED', 1, :surname, :given, :birth, :nationality, :key, :sha)"
                        + " ON CONFLICT (idempotency_key) DO NOTHING RETURNING " + CASE_COLUMNS)
                .param("id", id).param("type", r.type().name()).param("surname", a.surname())
                .param("given", a.givenNames()).param("birth", a.birthDate()).param("nationality", a.nationality())
                .param("key", key).param("sha", sha256)
                .query(CaseRepository::toCase).optional();
    }

    record KeyedCase(ImmigrationCase value, String sha256) {
    }

    Optional<KeyedCase> findByIdempotencyKey(String key) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + ", request_sha256 FROM cases WHERE idempotency_key = :key")
                .param("key", key)
                .query((rs, n) -> new KeyedCase(toCase(rs, n), rs.getString("request_sha256"))).optional();
    }

    Optional<ImmigrationCase> find(UUID id) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM cases WHERE id = :id")
                .param("id", id).query(CaseRepository::toCase).optional();
    }

    /** Applies a decision only if the case is still at {@code expectedVersion} and not finally decided. */
    Optional<ImmigrationCase> decide(UUID id, int expectedVersion, Outcome outcome) {
        return jdbc.sql("UPDATE cases SET status = :status, version = version + 1, updated_at = now()"
                        + " WHERE id = :id AND version = :expected AND status IN ('RECEIVED', 'INFO_REQUESTED')"
                        + " RETURNING " + CASE_COLUMNS)
                .param("status", outcome.status().name()).param("id", id).param("expected", expectedVersion)
                .query(CaseRepository::toCase).optional();
    }

    void appendEvent(ImmigrationCase c, String type, Role actor, String detail, String key, String sha256) {
        jdbc.sql("INSERT INTO case_events (case_id, event_type, case_version, actor_role, detail, idempotency_key,"
                        + " request_sha256) VALUES (:case, :type, :version, :actor, :detail, :key, :sha)")
                .param("case", c.id()).param("type", type).param("version", c.version())
                .param("actor", actor.name()).param("detail", detail).param("key", key).param("sha", sha256)
                .update();
    }

    /** The body hash of the request that moved this case to {@code version}, if any did. */
    Optional<String> shaOfVersion(UUID caseId, int version) {
        return jdbc.sql("SELECT request_sha256 FROM case_events WHERE case_id = :case AND case_version = :version")
                .param("case", caseId).param("version", version).query(String.class).optional();
    }

    /** The body hash of the request that wrote this idempotency key on this case, if any did. */
    Optional<String> shaOfKey(UUID caseId, String key) {
        return jdbc.sql("SELECT request_sha256 FROM case_events WHERE case_id = :case AND idempotency_key = :key")
                .param("case", caseId).param("key", key).query(String.class).optional();
    }

    List<CaseEvent> events(UUID caseId, int limit) {
        return jdbc.sql("SELECT event_type, occurred_at, detail FROM case_events"
                        + " WHERE case_id = :case ORDER BY id LIMIT :limit")
                .param("case", caseId).param("limit", limit)
                .query((rs, n) -> new CaseEvent(rs.getString("event_type"),
                        rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("detail")))
                .list();
    }

    /** Newest first; the caller asks for one extra row to know whether another page exists. */
    List<ImmigrationCase> list(CaseStatus status, CaseType type, int offset, int rows) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM cases"
                        + " WHERE (CAST(:status AS text) IS NULL OR status = :status)"
                        + " AND (CAST(:type AS text) IS NULL OR case_type = :type)"
                        + " ORDER BY created_at DESC, id LIMIT :rows OFFSET :offset")
                .param("status", status == null ? null : status.name())
                .param("type", type == null ? null : type.name())
                .param("rows", rows).param("offset", offset)
                .query(CaseRepository::toCase).list();
    }

    List<ScreeningMatch> screen(String surname, LocalDate birthDate, int rows) {
        return jdbc.sql(SCREENING_SQL)
                .param("surname", surname).param("birthDate", birthDate).param("rows", rows)
                .query((rs, n) -> new ScreeningMatch(rs.getObject("id", UUID.class), rs.getString("surname"),
                        rs.getString("given_names"), rs.getObject("birth_date", LocalDate.class),
                        rs.getString("nationality"), CaseType.valueOf(rs.getString("case_type")),
                        CaseStatus.valueOf(rs.getString("status"))))
                .list();
    }

    private static ImmigrationCase toCase(ResultSet rs, int row) throws SQLException {
        return new ImmigrationCase(rs.getObject("id", UUID.class), CaseType.valueOf(rs.getString("case_type")),
                CaseStatus.valueOf(rs.getString("status")), rs.getInt("version"),
                new Applicant(rs.getString("surname"), rs.getString("given_names"),
                        rs.getObject("birth_date", LocalDate.class), rs.getString("nationality")),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
