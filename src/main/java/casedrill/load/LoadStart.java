package casedrill.load;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The moment the load starts, agreed between the drill and its simulation: Gatling boots in this JVM (seconds,
 * longer on a loaded machine), says it is ready from the simulation's {@code before()}, and injects only when the
 * drill says go, so the load profile (ramp-up, steady state, surge) runs on the drill's clock instead of late by the
 * boot time.
 */
public final class LoadStart {
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch go = new CountDownLatch(1);
    private final Duration patience;

    /** @param patience how long a ready simulation waits for go before it gives up (the drill has gone) */
    public LoadStart(Duration patience) {
        this.patience = patience;
    }

    /** The simulation's side: booted; returns when the drill says go. */
    public void readyThenWait() {
        ready.countDown();
        try {
            if (!go.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the drill did not start the load within " + patience.toSeconds() + " s of Gatling being ready");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the drill to start the load", e);
        }
    }

    /** The drill's side: whether the simulation said ready within {@code limit}. */
    public boolean awaitReady(Duration limit) throws InterruptedException {
        return ready.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the simulation inject; idempotent. */
    public void go() {
        go.countDown();
    }
}
