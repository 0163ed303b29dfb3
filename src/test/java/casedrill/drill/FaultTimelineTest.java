package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.fault.FaultRegistry;
import casedrill.scenario.FaultStep;
import casedrill.topology.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The fault timeline on literal schedules: what is injected, healed and left out once a runbook failed. */
class FaultTimelineTest {
    private static final FaultSchedule SCHEDULE = FaultSchedule.of(List.of(step(0, "a", 30, 20L), step(1, "b", 60, 10L), step(2, "c", 90, null)));
    private static final DrillEnding ABORT = DrillEnding.inconclusive("aborted");

    /** Records every action; the runbook fails when the clock reaches {@code failAtMs} or while {@code failOnInject} is injected. */
    private static final class Recorder implements FaultTimeline.Actions {
        final List<String> done = new ArrayList<>();
        final AtomicBoolean runbookFailed = new AtomicBoolean();
        long failAtMs = Long.MAX_VALUE;
        long abortAtMs = Long.MAX_VALUE;
        String failOnInject = "";

        @Override
        public DrillEnding waitUntil(long atMs) {
            if (atMs >= failAtMs) {
                runbookFailed.set(true);
            }
            return atMs >= abortAtMs ? ABORT : null;
        }

        @Override
        public long healDue(FaultStep step, long scheduledMs) {
            return scheduledMs;
        }

        @Override
        public void inject(FaultStep step) {
            done.add("inject " + step.name());
            if (step.name().equals(failOnInject)) {
                runbookFailed.set(true);
            }
        }

        @Override
        public void heal(FaultStep step) {
            done.add("heal " + step.name());
        }

        @Override
        public void skipped(FaultStep step, String why) {
            done.add("skip " + step.name());
        }

        DrillEnding run() {
            return FaultTimeline.run(SCHEDULE, runbookFailed::get, this);
        }
    }

    private static FaultStep step(int index, String id, long atSeconds, Long forSeconds) {
        return new FaultStep(index, id, Duration.ofSeconds(atSeconds), Optional.ofNullable(forSeconds).map(Duration::ofSeconds),
                FaultRegistry.ACTIONS.action("pause").orElseThrow(), new Target.NodeTarget("pg-dc1"), Optional.empty(), Map.of(), null);
    }

    @Test
    void withoutARunbookFailureEveryEntryRuns() {
        Recorder r = new Recorder();
        assertThat(r.run()).as("ending").isNull();
        assertThat(r.done).containsExactly("inject a", "heal a", "inject b", "heal b", "inject c");
    }

    @Test
    void afterTheRunbookFailedNothingMoreIsInjectedButAutoHealsStillRun() {
        Recorder r = new Recorder();
        r.failAtMs = 55_000;
        r.run();
        assertThat(r.done).containsExactly("inject a", "heal a", "skip b", "heal b", "skip c");
    }

    @Test
    void aFaultInjectedWhileTheRunbookWasFailingIsHealedAtOnce() {
        Recorder r = new Recorder();
        r.failOnInject = "a";
        r.run();
        assertThat(r.done).containsExactly("inject a", "heal a", "heal a", "skip b", "heal b", "skip c");
    }

    @Test
    void anAbortStopsTheTimeline() {
        Recorder r = new Recorder();
        r.abortAtMs = 60_000;
        assertThat(r.run()).as("ending").isSameAs(ABORT);
        assertThat(r.done).containsExactly("inject a", "heal a");
    }
}
