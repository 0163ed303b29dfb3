package casedrill.drill;

import casedrill.history.DrillClock;
import casedrill.history.Event;
import casedrill.history.HistoryWriter;
import java.util.List;
import java.util.function.Supplier;

/**
 * The drill's waits between its instants (steady state's end, each timeline entry, the end of observation). A wait
 * ends early, with the drill's ending, when the infrastructure fails, an abort condition fires or the harness is
 * interrupted; the runner then goes straight to heal.
 */
final class DrillWait {
    private final DrillClock clock;
    private final AbortWatch abort;
    private final InfrastructureWatch watch;
    private final HistoryWriter writer;
    private final DrillInterruption interruption;
    private final Supplier<DrillNarration> narration;

    /** @param narration the progress line's stamped messages, looked up at each wait (the line starts after the load) */
    DrillWait(DrillClock clock, AbortWatch abort, InfrastructureWatch watch, HistoryWriter writer, DrillInterruption interruption,
              Supplier<DrillNarration> narration) {
        this.clock = clock;
        this.abort = abort;
        this.watch = watch;
        this.writer = writer;
        this.interruption = interruption;
        this.narration = narration;
    }

    /** Waits until the drill offset {@code atMs}; null when it was reached, else how the drill ends. */
    DrillEnding until(long atMs) {
        while (clock.offsetMs() < atMs) {
            long nowMs = clock.offsetMs();
            var infrastructure = watch.failure();
            if (infrastructure.isPresent()) {
                narration.get().sayAt(nowMs, infrastructure.get().describe());
                return DrillEnding.infrastructureFailed(infrastructure.get(), List.of());
            }
            var fired = abort.fired(nowMs);
            if (fired.isPresent()) {
                writer.append(new Event.AbortFired(nowMs, fired.get().condition(), fired.get().value(), fired.get().heldMs()));
                narration.get().sayAt(nowMs, "abort: " + fired.get().describe());
                return DrillEnding.inconclusive("aborted: " + fired.get().describe());
            }
            var interrupted = interruption.requested();
            if (interrupted.isPresent()) {
                narration.get().sayAt(nowMs, interrupted.get());
                return DrillEnding.inconclusive(interrupted.get());
            }
            try {
                Thread.sleep(Math.min(200, Math.max(1, atMs - clock.offsetMs())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return DrillEnding.inconclusive("interrupted");
            }
        }
        return null;
    }
}
