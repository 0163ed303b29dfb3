package casedrill.casestack;

import casedrill.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One case-service node (and its PostgreSQL) per test class:
 * {@code @RegisterExtension static final CaseServiceExtension service = new CaseServiceExtension();}
 */
final class CaseServiceExtension implements BeforeAllCallback, AfterAllCallback {
    private final Duration retryBudget;
    private RunningCaseService running;

    CaseServiceExtension() {
        this(NodeSettings.DEFAULT_RETRY_BUDGET);
    }

    CaseServiceExtension(Duration retryBudget) {
        this.retryBudget = retryBudget;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running = RunningCaseService.start(retryBudget);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    ApiClient api() {
        return running.client();
    }

    /** A bean of the running node, for tests that drive the service below HTTP. */
    <T> T bean(Class<T> type) {
        return running.bean(type);
    }

    LocalPostgres postgres() {
        return running.postgres();
    }

    Connection adminConnection() throws SQLException {
        return running.adminConnection();
    }
}
