package casedrill.casestack.db;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one unit of work in its own transaction, reads the serving database's identity on the same
 * connection before commit, and returns only after the commit. Callers pass only idempotent work
 * (reads, or writes guarded by an idempotency key), so a transient failure is retried within the
 * configured budget.
 */
@Component
public class DatabaseWork {
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RetryBudget retry;

    public DatabaseWork(JdbcClient jdbc, TransactionTemplate transactions, RetryBudget retry) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.retry = retry;
    }

    public <T> Served<T> idempotent(Supplier<T> work) {
        return retry.call(() -> transactions.execute(status -> {
            T value = work.get();
            return new Served<>(value, DatabaseIdentity.read(jdbc));
        }));
    }
}
