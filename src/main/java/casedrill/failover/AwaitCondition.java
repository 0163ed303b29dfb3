package casedrill.failover;

import java.time.Duration;

/** An {@code await} step: polls its http or sql check every {@code interval} until it succeeds or the timeout passes. */
final class AwaitCondition implements StepAction {
    private final HttpCall http;
    private final SqlQuery sql;

    AwaitCondition(HttpCall http, SqlQuery sql) {
        this.http = http;
        this.sql = sql;
    }

    @Override
    public StepResult run(RunbookStep step, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int attempts = 0;
        while (true) {
            long leftNanos = deadline - System.nanoTime();
            Duration attemptTimeout = Duration.ofNanos(Math.max(Duration.ofMillis(200).toNanos(),
                    Math.min(leftNanos, Duration.ofSeconds(5).toNanos())));
            StepResult last = once(step, attemptTimeout);
            attempts++;
            if (last.ok()) {
                return StepResult.ok(last.excerpt() + " (after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ")");
            }
            if (System.nanoTime() + step.interval().toNanos() >= deadline) {
                return StepResult.failed("not met within " + timeout.toMillis() + " ms after " + attempts + " attempts; last: " + last.excerpt());
            }
            Thread.sleep(step.interval().toMillis());
        }
    }

    private StepResult once(RunbookStep step, Duration timeout) throws InterruptedException {
        if (step.http().isPresent()) {
            return http.call(step.http().get(), timeout);
        }
        return sql.query(step.sql().orElseThrow(() -> new IllegalArgumentException("await step '" + step.name()
                + "' has neither an http nor a sql check")), timeout);
    }
}
