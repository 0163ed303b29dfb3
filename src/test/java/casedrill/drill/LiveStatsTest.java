package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.check.CheckResult;
import casedrill.check.RecoveryCriteria;
import casedrill.check.RecoveryTimeChecker;
import casedrill.check.Targets;
import casedrill.history.Event;
import casedrill.history.History;
import casedrill.history.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress line's RTO against the verdict's, on literal event lists. */
class LiveStatsTest {
    private static final Duration LATE = Duration.ofSeconds(3);

    private static List<Event> probes(String tx, long fromMs, long toMs, Outcome outcome) {
        List<Event> events = new ArrayList<>();
        for (long t = fromMs; t < toMs; t += 100) {
            events.add(new Event.Probe(t, tx, outcome, outcome.ok() ? 200 : 503, 5, "app-dc1-a"));
        }
        return events;
    }

    private static Event.LoadSecond load(long second, Outcome outcome, long count) {
        return new Event.LoadSecond(second, "status", outcome, count, 1000, 2000, 3000, 4000, "");
    }

    private static Event.FaultInjected kill(long atMs) {
        return new Event.FaultInjected(atMs, "kill", "kill-pg node:pg-dc1", false, "kill-pg", true, atMs - 5);
    }

    private static Event.FaultHealed healKill(long atMs) {
        return new Event.FaultHealed(atMs, "kill", "kill-pg node:pg-dc1", "kill-pg");
    }

    /** Feeds the events dated up to {@code nowMs} in time order, as the drill's history consumer would have. */
    private static LiveStats fedUntil(List<Event> events, long nowMs) {
        LiveStats stats = new LiveStats(RecoveryCriteria.DEFAULT, LATE);
        events.stream().filter(e -> e.offsetMs() <= nowMs).sorted(Comparator.comparingLong(Event::offsetMs)).forEach(stats);
        return stats;
    }

    @SafeVarargs
    private static List<Event> concat(List<? extends Event>... parts) {
        List<Event> all = new ArrayList<>();
        for (List<? extends Event> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    @Test
    void theFigureTheDrillEndsWithIsTheVerdicts() {
        // Probes recover at 15 s, Gatling still fails in seconds 15 and 16: the old clock said 5.0 s, the verdict 7.00 s.
        // Then pg-dc1, still down, makes status fall at 30 s (reopened), and after the heal at 40 s + 10 s a fall at 60 s
        // is unprovoked.
        List<Event> events = concat(
                probes("status", 0, 10_000, Outcome.OK),
                probes("status", 10_000, 15_000, Outcome.FAILED),
                probes("status", 15_000, 30_000, Outcome.OK),
                probes("status", 30_000, 32_000, Outcome.FAILED),
                probes("status", 32_000, 60_000, Outcome.OK),
                probes("status", 60_000, 69_000, Outcome.FAILED),
                probes("status", 69_000, 90_000, Outcome.OK),
                List.of(kill(10_000), healKill(40_000),
                        load(15_000, Outcome.OK, 2), load(15_000, Outcome.FAILED, 38),
                        load(16_000, Outcome.OK, 5), load(16_000, Outcome.FAILED, 35),
                        load(17_000, Outcome.OK, 40), load(18_000, Outcome.OK, 40)));
        long end = 90_000;
        History history = new History(concat(events, List.of(new Event.DrillEnded(end, "completed"))));
        CheckResult verdict = new RecoveryTimeChecker().check(history, Targets.none().withRto(Duration.ofSeconds(30)));

        LiveStats live = fedUntil(events, end);

        assertThat(verdict.measured().inSeconds()).as("the reopened disruption: 10 s to 32 s").hasValue(22.00);
        assertThat(live.disruptions(end)).as("the same disruptions")
                .isEqualTo(RecoveryTimeChecker.measure(history, RecoveryCriteria.DEFAULT).values().stream().flatMap(List::stream).toList());
        assertThat(live.rtoClock(end)).as("the last progress line before the verdict").isEqualTo("22.00 s");
        assertThat(fedUntil(events, 25_000).rtoClock(25_000)).as("before the fall at 30 s the figure was not final")
                .isEqualTo("7.00 s provisional (until faults healed + 10 s)");
    }

    @Test
    void aFigureIsProvisionalWhileItsFaultIsActiveAndFinalOnceItHeldPastTheHeal() {
        List<Event> events = concat(
                probes("intake", 0, 10_000, Outcome.OK),
                probes("intake", 10_000, 12_000, Outcome.FAILED),
                probes("intake", 12_000, 80_000, Outcome.OK),
                List.of(kill(10_000), healKill(40_000)));

        assertThat(fedUntil(events, 5_000).rtoClock(5_000)).isEqualTo("-");
        assertThat(fedUntil(events, 11_000).rtoClock(11_000)).isEqualTo("running 1.0 s");
        String whileDown = fedUntil(events, 35_000).rtoClock(35_000);
        assertThat(whileDown).as("pg-dc1 is still down at 35 s").isEqualTo("2.00 s provisional (until faults healed + 10 s)");
        assertThat(ProgressLine.format("faults", 35_000, 80_000, "kill-pg node:pg-dc1", 40, 0, "{intake=OK}", whileDown))
                .endsWith("| RTO 2.00 s provisional (until faults healed + 10 s)");
        assertThat(fedUntil(events, 52_000).rtoClock(52_000)).as("held to 50 s, but data dated before that may still come")
                .contains("provisional");
        assertThat(fedUntil(events, 60_000).rtoClock(60_000)).as("healed at 40 s, held to 50 s, 3 s for late data").isEqualTo("2.00 s");
    }
}
