package casedrill.drill;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A request from outside the drill (the JVM's shutdown on SIGTERM or Ctrl-C) to end it now. The drill's waits see it
 * and end the drill INCONCLUSIVE, so it leaves the ordinary way: heal, drill_ended, results, stack down. The requester
 * waits for that, bounded, because the JVM halts as soon as its shutdown hooks return.
 */
final class DrillInterruption {
    private final AtomicReference<String> reason = new AtomicReference<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    /** Asks the drill to end and waits up to {@code limit} for it to have; false when it did not end in time. */
    boolean request(String why, Duration limit) {
        reason.compareAndSet(null, why);
        try {
            return ended.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Why the drill must end, once someone asked. */
    Optional<String> requested() {
        return Optional.ofNullable(reason.get());
    }

    /** The drill has ended and written its results. */
    void ended() {
        ended.countDown();
    }
}
