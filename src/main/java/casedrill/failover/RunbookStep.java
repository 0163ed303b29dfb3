package casedrill.failover;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One runbook step. Which fields are present depends on {@code kind}: {@code command} has
 * {@code run}; {@code http} has {@code http}; {@code sql} has {@code sql}; {@code await} has one of
 * {@code http} / {@code sql} and polls it every {@code interval} until {@code timeout};
 * {@code manual} has {@code prompt} and is acknowledged by the operator, or automatically after
 * {@code delay} in non-interactive runs. {@code phase} splits the runbook's RTO into detect,
 * decide and act.
 */
public record RunbookStep(String name, Kind kind, Phase phase, Duration timeout, List<String> run, int expectExit,
                          Optional<HttpCheck> http, Optional<SqlCheck> sql, Duration interval, String prompt,
                          Duration delay) {
    public enum Kind { COMMAND, HTTP, SQL, AWAIT, MANUAL }

    public enum Phase { DETECT, DECIDE, ACT }

    public RunbookStep {
        run = List.copyOf(run);
    }

    /** An HTTP call; {@code url} may hold ${node.port} placeholders. */
    public record HttpCheck(String method, String url, String body, int expectStatus, String expectBody) {
    }

    /** A query on a database node; {@code expect} is compared with the first column of the first row. */
    public record SqlCheck(String on, String query, String expect) {
    }
}
