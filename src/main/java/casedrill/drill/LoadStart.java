package casedrill.drill;

import casedrill.history.Event;
import casedrill.history.HistoryWriter;
import casedrill.history.StartingClock;
import casedrill.notation.Durations;
import casedrill.stack.PreparedStack;
import java.time.Duration;
import java.util.Optional;

/**
 * The drill clock starts with the load: offset 0 is when the load goes, not when Gatling began booting (seconds
 * earlier, more on a loaded machine). Also starts it, once, when the load never did, so every history has its start.
 */
final class LoadStart {
    /** Gatling in-process boots in 2–35 s here; past this it is stuck, and the drill ends as a harness error. */
    private static final Duration GATLING_BOOT_LIMIT = Duration.ofSeconds(120);

    private final StartingClock clock;
    private final DrillRecord record;
    private final HistoryWriter writer;
    private final String scenarioId;
    private final PreparedStack prepared;

    /** {@code prepared}: the reset and verification that preceded this drill on a pooled stack; null for a plain start. */
    LoadStart(StartingClock clock, DrillRecord record, HistoryWriter writer, String scenarioId, PreparedStack prepared) {
        this.clock = clock;
        this.record = record;
        this.writer = writer;
        this.scenarioId = scenarioId;
        this.prepared = prepared;
    }

    /** Waits for the load to be ready, starts the clock and lets the load go; why it was not ready, if it was not. */
    Optional<String> go(LoadDriver load) {
        long bootNanos = System.nanoTime();
        Optional<String> notReady = load.awaitReady(GATLING_BOOT_LIMIT);
        startClock();
        record.note(0, "load", "Gatling booted in " + Durations.seconds((System.nanoTime() - bootNanos) / 1e9)
                + "; the drill clock starts with its load");
        load.go();
        return notReady;
    }

    /** Offset 0 of the drill and its first events; once. */
    void startClock() {
        if (clock.started()) {
            return;
        }
        clock.start();
        record.clock(clock);
        writer.append(new Event.DrillStarted(0, scenarioId));
        writer.append(new Event.PhaseStarted(0, "load"));
        BaselineEvent.of(prepared, clock).ifPresent(writer::append);
    }
}
