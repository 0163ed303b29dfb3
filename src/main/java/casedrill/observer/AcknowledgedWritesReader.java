package casedrill.observer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the observer's acknowledged writes back from a database by idempotency key, with a query of its own. */
public final class AcknowledgedWritesReader {
    private static final int BATCH = 1_000;

    private AcknowledgedWritesReader() {
    }

    public static ReadBack read(Connection db, String primary, List<ObservedWrite> writes) throws SQLException {
        List<ObservedWrite> acked = writes.stream().filter(ObservedWrite::acknowledged).toList();
        Map<String, String> stored = new HashMap<>();
        for (int from = 0; from < acked.size(); from += BATCH) {
            List<ObservedWrite> batch = acked.subList(from, Math.min(from + BATCH, acked.size()));
            try (PreparedStatement st = db.prepareStatement("SELECT idempotency_key, request_sha256 FROM cases WHERE idempotency_key = ANY (?)")) {
                st.setArray(1, db.createArrayOf("text", batch.stream().map(ObservedWrite::idempotencyKey).toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        List<String> lost = new ArrayList<>();
        List<String> altered = new ArrayList<>();
        for (ObservedWrite w : acked) {
            String sha = stored.get(w.idempotencyKey());
            if (sha == null) {
                lost.add(w.idempotencyKey());
            } else if (!sha.equalsIgnoreCase(w.sha256())) {
                altered.add(w.idempotencyKey());
            }
        }
        return new ReadBack(primary, acked.size(), lost, altered);
    }
}
