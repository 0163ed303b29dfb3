package casedrill.drill;

import casedrill.history.DrillClock;
import casedrill.history.Event;
import casedrill.probe.Tokens;
import casedrill.probe.WriteLedger;
import casedrill.scenario.Scenario;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** The drill's business load and canary probes: booted first, then started on the drill's go (its offset 0). */
interface LoadDriver {
    /** Waits until the load generator has booted and is ready to send; empty when it is, else why not. */
    Optional<String> awaitReady(Duration limit);

    /** Starts the load and the probes; the drill clock's offset 0 is now. */
    void go();

    /** Whether the load run crashed or refused its arguments (its assertions failing is not a crash). */
    boolean failed();

    /** Requests recorded so far. */
    long requests();

    /** Every write sent, for reconciliation. */
    WriteLedger ledger();

    /** Stops the load, waiting up to {@code wait}; returns one line on how it ended. */
    String finish(Duration wait);

    /** Starts the load of a scenario against the edge. */
    interface Factory {
        LoadDriver start(Scenario scenario, URI edge, Tokens tokens, DrillClock clock, Consumer<Event> history, Path gatlingDir,
                         String keyPrefix);
    }
}
