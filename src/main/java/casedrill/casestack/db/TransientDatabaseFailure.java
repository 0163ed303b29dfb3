package casedrill.casestack.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import org.springframework.transaction.TransactionSystemException;

/**
 * Decides whether a failed attempt may succeed if repeated: the failures a failover or a planned
 * switchover produces, never constraint violations or bad SQL.
 */
public final class TransientDatabaseFailure {
    private static final Set<String> RETRYABLE_STATES = Set.of(
            "25006", // read_only_sql_transaction: a demoted primary, or a standby not yet promoted
            "57P01", // admin_shutdown: Patroni/pg_ctl stopping the old primary
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now: starting up or shutting down
            "40001", // serialization_failure
            "40P01"); // deadlock_detected

    private TransientDatabaseFailure() {
    }

    public static boolean isTransient(Throwable failure) {
        return transientCause(failure).isPresent();
    }

    /** "SQLSTATE 25006: ERROR: cannot execute INSERT in a read-only transaction", for logs. */
    public static String describe(Throwable failure) {
        return transientCause(failure)
                .map(e -> "SQLSTATE " + e.getSQLState() + ": " + e.getMessage())
                .orElse(String.valueOf(failure));
    }

    private static Optional<SQLException> transientCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // When the rollback after a failure fails too (the pool already closed the broken
            // connection), Spring reports the rollback and keeps the real cause aside.
            if (t instanceof TransactionSystemException tse && tse.getApplicationException() != null) {
                Optional<SQLException> original = transientCause(tse.getApplicationException());
                if (original.isPresent()) {
                    return original;
                }
            }
            // A commit that failed on a broken connection (57P01 during a switchover) is followed by a rollback on the
            // connection the pool has already evicted; Spring then throws the rollback failure and records no
            // application exception. The pool evicts only after connection-fatal errors, so this is one: 08003.
            if (t instanceof TransactionSystemException tse && tse.getApplicationException() == null
                    && tse.getCause() instanceof SQLException closed && closedByPool(closed)) {
                return Optional.of(new SQLException("the connection broke during commit (" + closed.getMessage() + ")", "08003", closed));
            }
            if (t instanceof SQLTransientConnectionException pool) {
                return Optional.of(pool); // the pool found no live connection in time
            }
            if (t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /** HikariCP's answer on a connection it has closed: no SQLSTATE, this message. */
    private static boolean closedByPool(SQLException e) {
        return e.getSQLState() == null && "Connection is closed".equals(e.getMessage());
    }

    /** Class 08 is every connection exception (refused, broken, timed out). */
    static boolean isTransientState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || RETRYABLE_STATES.contains(sqlState));
    }
}
