package casedrill.casestack;

import casedrill.casestack.auth.Role;
import casedrill.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A case-service node on 127.0.0.1 (free port) over its own throw-away PostgreSQL, started once
 * per test class and stopped, database included, on every path.
 */
final class RunningCaseService implements AutoCloseable {
    static final String DB_USER = "cases_app";
    static final Map<Role, String> TOKENS = tokens();

    private final LocalPostgres postgres;
    private final ConfigurableApplicationContext context;
    private final ApiClient client;

    private RunningCaseService(LocalPostgres postgres, ConfigurableApplicationContext context) {
        this.postgres = postgres;
        this.context = context;
        this.client = new ApiClient("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    static RunningCaseService start(Duration retryBudget) {
        LocalPostgres pg = LocalPostgres.start();
        try {
            try (Connection c = pg.connect("postgres")) {
                // An ordinary role, as in the real stack: the service must not need superuser rights.
                c.createStatement().execute("CREATE ROLE " + DB_USER + " LOGIN");
                c.createStatement().execute("CREATE DATABASE cases OWNER " + DB_USER);
            }
            NodeSettings settings = new NodeSettings("dc1", "app-test-a", "127.0.0.1", 0, pg.jdbcUrl("cases"),
                    DB_USER, null, TOKENS, retryBudget);
            return new RunningCaseService(pg, CaseNode.start(settings));
        } catch (SQLException | RuntimeException e) {
            pg.close();
            throw new IllegalStateException("could not start the case service: " + e.getMessage(), e);
        }
    }

    ApiClient client() {
        return client;
    }

    LocalPostgres postgres() {
        return postgres;
    }

    /** A superuser connection to the service's database, for checks behind the API's back. */
    Connection adminConnection() throws SQLException {
        return postgres.connect("cases");
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    static String token(Role role) {
        return TOKENS.get(role);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            postgres.close();
        }
    }

    private static Map<Role, String> tokens() {
        Map<Role, String> t = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            t.put(role, "test-token-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-0123456789");
        }
        return Map.copyOf(t);
    }
}
