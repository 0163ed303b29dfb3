package casedrill.probe;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads what reconciliation needs from the surviving primary: its identity and the ledger's rows, by key. */
public final class CaseTableReader {
    private static final int BATCH = 1_000;
    // The timeline in pg_control_checkpoint() lags a promotion until the next checkpoint; the current WAL
    // file name of a primary starts with its timeline at once.
    private static final String CURRENT_TIMELINE =
            "('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int";

    private CaseTableReader() {}

    public static SurvivingPrimary identity(Connection db) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "SELECT system_identifier::text, " + CURRENT_TIMELINE + " FROM pg_control_system()");
             ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("pg_control functions returned no row on " + db.getMetaData().getURL());
            }
            return new SurvivingPrimary(rs.getString(1), rs.getLong(2));
        }
    }

    public static List<StoredCase> rowsFor(Connection db, Collection<String> idempotencyKeys) throws SQLException {
        List<String> keys = new ArrayList<>(idempotencyKeys);
        List<StoredCase> rows = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<String> batch = keys.subList(from, Math.min(from + BATCH, keys.size()));
            try (PreparedStatement st = db.prepareStatement(
                    "SELECT id::text, idempotency_key, request_sha256 FROM cases WHERE idempotency_key = ANY (?)")) {
                Array array = db.createArrayOf("text", batch.toArray());
                st.setArray(1, array);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new StoredCase(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
        }
        return rows;
    }
}
