package casedrill.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.history.StartingClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The load starts when the drill says go, and the drill clock's zero is that moment. */
class LoadStartTest {

    @Test
    void aReadySimulationWaitsForGoAndTheDrillSeesItReady() throws Exception {
        LoadStart start = new LoadStart(Duration.ofSeconds(30));
        assertThat(start.awaitReady(Duration.ofMillis(10))).as("ready before the simulation said so").isFalse();
        CompletableFuture<Void> simulation = CompletableFuture.runAsync(start::readyThenWait);
        assertThat(start.awaitReady(Duration.ofSeconds(10))).as("ready once the simulation said so").isTrue();
        assertThat(simulation).as("injecting before go").isNotDone();
        start.go();
        simulation.get();
    }

    @Test
    void aSimulationLeftWaitingGivesUpAfterItsPatience() {
        LoadStart start = new LoadStart(Duration.ofMillis(50));
        assertThatThrownBy(start::readyThenWait).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the drill did not start the load");
    }

    @Test
    void theClockReadsZeroUntilItStartsAndStartsOnce() throws InterruptedException {
        StartingClock clock = new StartingClock();
        Thread.sleep(30);
        assertThat(clock.offsetMs()).as("offset before start").isZero();
        clock.start();
        Thread.sleep(30);
        long afterFirst = clock.offsetMs();
        clock.start();
        assertThat(afterFirst).as("offset 30 ms after start").isGreaterThanOrEqualTo(30);
        assertThat(clock.offsetMs()).as("a second start does not reset the origin").isGreaterThanOrEqualTo(afterFirst);
    }
}
