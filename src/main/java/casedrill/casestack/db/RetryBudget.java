package casedrill.casestack.db;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Repeats an idempotent attempt that failed transiently, with exponential backoff, until it
 * succeeds or the budget is spent. The budget is checked between attempts, so the total can
 * exceed it by one attempt (bounded by the pool's connection timeout or the socket timeout).
 */
public final class RetryBudget {
    /** Sleeps for the given nanoseconds; a seam so tests do not sleep. */
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    static final Duration MAX_BACKOFF = Duration.ofMillis(800);

    private final Duration budget;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Consumer<Throwable> onRetry;

    /** {@code onRetry} hears of every transient failure that will be retried (metrics, logs). */
    public RetryBudget(Duration budget, LongSupplier nanoTime, Sleeper sleeper, Consumer<Throwable> onRetry) {
        if (budget.isNegative()) {
            throw new IllegalArgumentException("retry budget must be >= 0, but was " + budget);
        }
        this.budget = budget;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.onRetry = onRetry;
    }

    public static RetryBudget ofSystemTime(Duration budget, Consumer<Throwable> onRetry) {
        return new RetryBudget(budget, System::nanoTime, n -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)),
                onRetry);
    }

    public Duration budget() {
        return budget;
    }

    public <T> T call(Supplier<T> attempt) {
        long deadline = nanoTime.getAsLong() + budget.toNanos();
        long backoff = FIRST_BACKOFF.toNanos();
        for (int attempts = 1; ; attempts++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (!TransientDatabaseFailure.isTransient(e)) {
                    throw e;
                }
                long remaining = deadline - nanoTime.getAsLong();
                if (remaining <= 0) {
                    throw new DatabaseUnavailableException(budget, attempts, e);
                }
                onRetry.accept(e);
                pause(Math.min(backoff, remaining), e);
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toNanos());
            }
        }
    }

    private void pause(long nanos, RuntimeException cause) {
        try {
            sleeper.sleep(nanos);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
