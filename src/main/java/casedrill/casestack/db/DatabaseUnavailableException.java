package casedrill.casestack.db;

import java.time.Duration;

/** The database stayed unusable for the whole retry budget; clients get 503 and may retry. */
public class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(Duration budget, int attempts, Throwable last) {
        super("database unavailable after " + attempts + " attempts within " + budget.toMillis() + " ms", last);
    }
}
