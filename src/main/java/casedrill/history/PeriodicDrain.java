package casedrill.history;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A daemon thread that runs one drain step periodically until closed, for components whose producers must never
 * block (Netty event loops, probe callbacks). The first failure stops the loop and is rethrown by {@link #close}.
 */
public final class PeriodicDrain implements AutoCloseable {
    private final Thread thread;
    private final long periodNanos;
    private final Runnable step;
    private volatile boolean stopping;
    private volatile Throwable failure;

    public PeriodicDrain(String name, Duration period, Runnable step) {
        this.periodNanos = period.toNanos();
        this.step = step;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        while (!stopping) {
            try {
                step.run();
            } catch (RuntimeException | Error e) {
                failure = e;
                return;
            }
            LockSupport.parkNanos(periodNanos);
        }
    }

    /** Stops the loop and waits for its current step; the caller then drains what is left itself. */
    @Override
    public void close() {
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Throws the loop's failure, if any, with what it means for the caller. */
    public void rethrowFailure(String meaning) {
        if (failure != null) {
            throw new IllegalStateException(meaning, failure);
        }
    }
}
