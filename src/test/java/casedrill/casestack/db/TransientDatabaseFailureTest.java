package casedrill.casestack.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

class TransientDatabaseFailureTest {

    @Test
    void failoverStatesAreTransient() {
        for (String state : new String[] {"25006", "08001", "08006", "57P01", "57P03", "40001"}) {
            assertThat(TransientDatabaseFailure.isTransient(new RuntimeException(new SQLException("x", state))))
                    .as(state).isTrue();
        }
    }

    @Test
    void dataErrorsAreNot() {
        for (String state : new String[] {"23505", "23514", "42P01", "22001"}) {
            assertThat(TransientDatabaseFailure.isTransient(new SQLException("x", state))).as(state).isFalse();
        }
        assertThat(TransientDatabaseFailure.isTransient(new IllegalStateException("no cause"))).isFalse();
    }

    @Test
    void aPoolTimeoutIsTransient() {
        assertThat(TransientDatabaseFailure.isTransient(new SQLTransientConnectionException("pool timed out"))).isTrue();
    }

    @Test
    void aFailedRollbackIsJudgedByTheFailureThatCausedIt() {
        var rollbackFailed = new TransactionSystemException("rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new SQLException("read-only", "25006"));
        assertThat(TransientDatabaseFailure.isTransient(rollbackFailed)).isTrue();
        assertThat(TransientDatabaseFailure.describe(rollbackFailed)).isEqualTo("SQLSTATE 25006: read-only");

        var notTransient = new TransactionSystemException("rollback failed", new SQLException("Connection is closed"));
        notTransient.initApplicationException(new SQLException("dup", "23505"));
        assertThat(TransientDatabaseFailure.isTransient(notTransient)).isFalse();
    }

    @Test
    void aCommitLostWithItsConnectionIsTransient() {
        // what a switchover produced: commit failed with 57P01, then the rollback met the connection the pool had evicted
        var commitLost = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        assertThat(TransientDatabaseFailure.isTransient(commitLost)).isTrue();
        assertThat(TransientDatabaseFailure.describe(commitLost)).startsWith("SQLSTATE 08003: the connection broke during commit");

        var otherRollbackFailure = new TransactionSystemException("JDBC rollback failed", new SQLException("disk full", "53100"));
        assertThat(TransientDatabaseFailure.isTransient(otherRollbackFailure)).isFalse();
    }
}
