package casedrill.cli;

import casedrill.casestack.CaseNode;
import casedrill.casestack.NodeSettings;
import casedrill.outcome.ExitCode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs one node of the reference stack in this process; the harness starts it detached. The only
 * harness class that knows the case service's Java API (an architecture test enforces it).
 */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Run one node of the reference stack.",
        subcommands = NodeCommand.App.class)
public final class NodeCommand {

    @Command(name = "app", mixinStandardHelpOptions = true,
            description = {"Run a case-service app node until SIGTERM.",
                "Secrets come from the environment: CASEDRILL_DB_PASSWORD and CASEDRILL_TOKEN_CLIENT, "
                        + "CASEDRILL_TOKEN_OFFICER, CASEDRILL_TOKEN_PARTNER (each at least 16 characters)."})
    static final class App implements Callable<Integer> {
        @Option(names = "--site", required = true, description = "Site the node belongs to, e.g. dc1.")
        String site;

        @Option(names = "--name", required = true, description = "Node name, e.g. app-dc1-a.")
        String name;

        @Option(names = "--bind", required = true, description = "HOST:PORT to listen on, e.g. 127.0.1.21:8080.")
        String bind;

        @Option(names = "--db", required = true, description = "pgjdbc URL of the case database.")
        String db;

        @Option(names = "--db-user", defaultValue = "casedrill", description = "Database user (default: ${DEFAULT-VALUE}).")
        String dbUser;

        @Option(names = "--retry-budget", defaultValue = "10s",
                description = "How long an idempotent request rides through database failures (default: ${DEFAULT-VALUE}).")
        String retryBudget;

        @Override
        public Integer call() throws InterruptedException {
            NodeSettings settings;
            try {
                settings = new NodeSettings(site, name, bindHost(), bindPort(), db, dbUser,
                        System.getenv("CASEDRILL_DB_PASSWORD"), NodeSettings.tokensFrom(System.getenv()), budget());
                CaseNode.validate(settings);
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(ExitCode.INVALID_INPUT, "node " + name + ": " + e.getMessage());
            }
            ConfigurableApplicationContext context;
            try {
                context = CaseNode.start(settings);
            } catch (RuntimeException e) {
                throw new UserFacingException(ExitCode.HARNESS_ERROR,
                        "node " + name + " failed to start: " + rootMessage(e), e);
            }
            CountDownLatch closed = new CountDownLatch(1);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    closed.countDown();
                }
            });
            if (context.isActive()) {
                closed.await(); // Spring's shutdown hook closes the context on SIGTERM
            }
            return ExitCode.OK.code();
        }

        private String bindHost() {
            int colon = bind.lastIndexOf(':');
            if (colon <= 0) {
                throw new UserFacingException(ExitCode.INVALID_INPUT, "--bind must be HOST:PORT, but was '" + bind + "'.");
            }
            return bind.substring(0, colon);
        }

        private int bindPort() {
            String port = bind.substring(bind.lastIndexOf(':') + 1);
            try {
                int p = Integer.parseInt(port);
                if (p < 0 || p > 65535) {
                    throw new NumberFormatException();
                }
                return p;
            } catch (NumberFormatException e) {
                throw new UserFacingException(ExitCode.INVALID_INPUT,
                        "--bind port must be 0..65535, but was '" + port + "'.");
            }
        }

        private Duration budget() {
            String text = retryBudget.trim().toLowerCase(java.util.Locale.ROOT);
            try {
                if (text.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
                }
                if (text.endsWith("s")) {
                    return Duration.parse("PT" + text.toUpperCase(java.util.Locale.ROOT));
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                // falls through to the message below
            }
            throw new UserFacingException(ExitCode.INVALID_INPUT,
                    "--retry-budget must be a duration such as 10s or 500ms, but was '" + retryBudget + "'.");
        }

        /** The database driver's sentence when there is one (it names host and port), else the root cause's. */
        private static String rootMessage(Throwable failure) {
            Throwable root = failure;
            for (Throwable c = failure; c != null; c = c.getCause()) {
                if (c instanceof java.sql.SQLException && c.getMessage() != null) {
                    return c.getMessage();
                }
                root = c;
            }
            return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        }
    }
}
