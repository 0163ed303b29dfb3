package casedrill.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The case database's contents at their baseline. The bootstrap seeds no rows: the stack creates the role and the
 * database, and the service's Flyway migrations create empty tables. So the baseline is every table of the schema
 * empty at the migrated version; the reset truncates them all (Flyway's own history stays).
 */
final class CaseTables {
    private static final String FLYWAY = "flyway_schema_history";

    private CaseTables() {
    }

    /** Row counts per table through {@code jdbcUrl} (the leader's or a standby's PostgreSQL). */
    static Map<String, Long> counts(String jdbcUrl, Credentials c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, c.appUser(), c.appPassword());
             Statement sql = db.createStatement()) {
            for (String table : tables(sql)) {
                try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** Empties every table in one statement (identities restart); returns the rows each held. */
    static Map<String, Long> truncate(String leaderUrl, Credentials c) throws SQLException {
        Map<String, Long> before = counts(leaderUrl, c);
        if (before.values().stream().allMatch(n -> n == 0)) {
            return before;
        }
        try (Connection db = DriverManager.getConnection(leaderUrl, c.appUser(), c.appPassword());
             Statement sql = db.createStatement()) {
            // Table names come from pg_tables of our own schema, not from input.
            sql.execute("TRUNCATE " + String.join(", ", before.keySet()) + " RESTART IDENTITY");
        }
        return before;
    }

    private static List<String> tables(Statement sql) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '"
                + FLYWAY + "' ORDER BY tablename")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}
