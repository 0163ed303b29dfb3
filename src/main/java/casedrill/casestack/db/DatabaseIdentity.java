package casedrill.casestack.db;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which database served a transaction: its cluster's system identifier and current timeline.
 * Two primaries with the same system identifier but different timelines mean a failover happened;
 * two accepting writes at once is split brain, which the harness detects from these values.
 */
public record DatabaseIdentity(String systemIdentifier, int timeline) {

    // pg_control_checkpoint().timeline_id lags after a fast promotion until the next checkpoint;
    // on a primary the current WAL file name starts with the timeline, so it is right at once.
    // pg_walfile_name() cannot run during recovery, where the checkpoint's timeline is used.
    private static final String QUERY = """
            SELECT (SELECT system_identifier FROM pg_control_system())::text AS system_identifier,
                   CASE WHEN pg_is_in_recovery()
                        THEN (SELECT timeline_id FROM pg_control_checkpoint())
                        ELSE ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int
                   END AS timeline
            """;

    /** Reads the identity on the connection of the current transaction. */
    static DatabaseIdentity read(JdbcClient jdbc) {
        return jdbc.sql(QUERY).query((rs, n) -> new DatabaseIdentity(rs.getString(1), rs.getInt(2))).single();
    }
}
