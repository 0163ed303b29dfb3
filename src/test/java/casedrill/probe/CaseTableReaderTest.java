package casedrill.probe;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JDBC side of reconciliation against a real PostgreSQL (installed by `make deps`). */
class CaseTableReaderTest {
    @Test
    void readsIdentityAndRowsByKey() throws Exception {
        try (LocalPostgres pg = LocalPostgres.start(); Connection db = pg.connect("postgres"); Statement st = db.createStatement()) {
            st.execute("CREATE TABLE cases (id uuid PRIMARY KEY, idempotency_key text NOT NULL UNIQUE, "
                    + "request_sha256 text NOT NULL)");
            st.execute("INSERT INTO cases VALUES ('00000000-0000-0000-0000-000000000001', 'k1', 'aa'), "
                    + "('00000000-0000-0000-0000-000000000002', 'k2', 'bb'), "
                    + "('00000000-0000-0000-0000-000000000003', 'other', 'cc')");

            SurvivingPrimary primary = CaseTableReader.identity(db);
            List<StoredCase> rows = CaseTableReader.rowsFor(db, List.of("k1", "k2", "absent"));

            assertThat(primary.systemId()).matches("\\d{10,20}");
            assertThat(primary.timeline()).as("a fresh cluster is on timeline 1").isEqualTo(1);
            assertThat(rows).containsExactlyInAnyOrder(
                    new StoredCase("00000000-0000-0000-0000-000000000001", "k1", "aa"),
                    new StoredCase("00000000-0000-0000-0000-000000000002", "k2", "bb"));
        }
    }
}
