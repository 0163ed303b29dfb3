package casedrill.failover;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/** A {@code sql} step: one query on a database node; ok when the first column of the first row equals {@code expect}. */
final class SqlQuery implements StepAction {
    private final RunbookHosts hosts;

    SqlQuery(RunbookHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    public StepResult run(RunbookStep step, Duration timeout) {
        RunbookStep.SqlCheck check = step.sql().orElseThrow(() -> new IllegalArgumentException("step '" + step.name() + "' has no sql check"));
        return query(check, timeout);
    }

    StepResult query(RunbookStep.SqlCheck check, Duration timeout) {
        String sql = Placeholders.expand(check.query(), hosts);
        String expect = Placeholders.expand(check.expect(), hosts);
        int seconds = (int) Math.max(1, Math.min(30, timeout.toSeconds()));
        Properties login = new Properties();
        login.setProperty("user", hosts.dbUser());
        login.setProperty("password", hosts.dbPassword());
        login.setProperty("connectTimeout", String.valueOf(Math.min(seconds, 5)));
        login.setProperty("socketTimeout", String.valueOf(seconds + 1));
        DriverManager.setLoginTimeout(seconds);
        try (Connection db = DriverManager.getConnection(hosts.jdbcUrl(check.on()), login); Statement st = db.createStatement()) {
            st.setQueryTimeout(seconds);
            // execute, not executeQuery: a step may run a command such as CHECKPOINT, which returns no rows
            if (!st.execute(sql)) {
                return expect == null ? StepResult.ok(check.on() + ": done") : StepResult.failed(check.on() + ": no row (expected '" + expect + "')");
            }
            try (ResultSet rs = st.getResultSet()) {
                String first = rs.next() ? rs.getString(1) : null;
                String seen = check.on() + ": " + (first == null ? "no row" : first);
                if (expect != null && !expect.equals(first)) {
                    return StepResult.failed(seen + " (expected '" + expect + "')");
                }
                return StepResult.ok(seen);
            }
        } catch (SQLException e) {
            return StepResult.failed(check.on() + ": " + e.getMessage());
        }
    }
}
