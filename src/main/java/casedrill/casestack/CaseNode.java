package casedrill.casestack;

import casedrill.casestack.auth.ApiTokens;
import casedrill.casestack.auth.Role;
import casedrill.casestack.db.JdbcUrlTuning;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts one case-service node: Spring Boot with its settings from {@code casestack/casestack.properties}
 * plus this node's own values, which take precedence over anything in the environment.
 */
public final class CaseNode {
    static final String PROFILE = "chaos-monkey";

    private CaseNode() {
    }

    /**
     * Checks the settings that need no network (tokens, URL) and throws
     * {@link IllegalArgumentException} with one sentence if one is wrong.
     */
    public static void validate(NodeSettings settings) {
        ApiTokens.from(settings.tokens()::get);
        JdbcUrlTuning.tune(settings.jdbcUrl(), settings.name());
    }

    /** Starts the node and returns once it is ready; the caller closes the context to stop it. */
    public static ConfigurableApplicationContext start(NodeSettings settings) {
        validate(settings);
        SpringApplication app = new SpringApplication(CaseServiceApplication.class);
        app.setAdditionalProfiles(PROFILE);
        app.setDefaultProperties(Map.of(
                "spring.config.name", "casestack",
                "spring.config.location", "classpath:/casestack/"));
        app.addInitializers(context -> context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("casedrill-node", properties(settings))));
        return app.run();
    }

    static Map<String, Object> properties(NodeSettings s) {
        Map<String, Object> p = new HashMap<>();
        p.put("casedrill.node.site", s.site());
        p.put("casedrill.node.name", s.name());
        p.put("server.address", s.bindHost());
        p.put("server.port", s.port());
        p.put("spring.datasource.url", JdbcUrlTuning.tune(s.jdbcUrl(), s.name()));
        p.put("spring.datasource.username", s.dbUser());
        p.put("spring.datasource.password", s.dbPassword() == null ? "" : s.dbPassword());
        p.put("spring.application.name", s.name());
        if (s.retryBudget() != null) {
            p.put("casedrill.db.retry-budget", s.retryBudget());
        }
        for (Role role : Role.values()) {
            p.put(role.tokenProperty(), s.tokens().getOrDefault(role, ""));
        }
        return p;
    }
}
