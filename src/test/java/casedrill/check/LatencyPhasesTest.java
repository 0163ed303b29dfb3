package casedrill.check;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.history.Event;
import casedrill.history.History;
import casedrill.history.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Latency phases on literal histories: a fault that only slows (no request fails) stays "disruption" until it is
 * healed; success-based recovery alone would have called its whole window "recovered".
 */
class LatencyPhasesTest {
    private static final long SLOW_FROM = 40_000;
    private static final long SLOW_TO = 100_000;

    /** Status probes every 100 ms for 130 s, all successful: 5 ms, but 500 ms while the assault is on. */
    private static List<Event> probes() {
        List<Event> events = new ArrayList<>();
        for (long t = 0; t < 130_000; t += 100) {
            long latency = t >= SLOW_FROM && t < SLOW_TO ? 500 : 5;
            events.add(new Event.Probe(t, "status", Outcome.OK, 200, latency, "app-dc1-a"));
        }
        return events;
    }

    private static History drill(Event... faultEvents) {
        List<Event> events = new ArrayList<>(List.of(faultEvents));
        events.addAll(probes());
        events.add(new Event.DrillEnded(130_000, "completed"));
        events.sort(java.util.Comparator.comparingLong(Event::offsetMs));
        return new History(events);
    }

    private static Map<String, Long> p95MillisByPhase(History history) {
        return LatencyChecker.measure(history, RecoveryCriteria.DEFAULT).stream()
                .collect(Collectors.toMap(LatencyChecker.PhaseLatency::phase, p -> p.p95Micros() / 1000));
    }

    @Test
    void aSlowingFaultIsDisruptionUntilItsHeal() {
        History history = drill(
                new Event.FaultInjected(SLOW_FROM, "chaos-monkey", "slow-dc1-apps site:dc1", true),
                new Event.FaultHealed(SLOW_TO, "chaos-monkey", "slow-dc1-apps site:dc1"));

        Map<String, Long> p95 = p95MillisByPhase(history);

        assertThat(p95).as("p95 per phase (ms)").containsEntry("baseline", 5L).containsEntry("recovered", 5L);
        assertThat(p95.get("disruption")).as("p95 while the assault was on (ms)").isBetween(499L, 501L);
    }

    @Test
    void aSlowingFaultNeverHealedLeavesNoRecoveredPhase() {
        History history = drill(new Event.FaultInjected(SLOW_FROM, "latency", "wan-slow wan(dc1,dc2)", true));

        assertThat(p95MillisByPhase(history)).as("phases measured").containsOnlyKeys("baseline", "disruption");
    }

    @Test
    void theHealOfAnotherFaultDoesNotEndTheSlowing() {
        History history = drill(
                new Event.FaultInjected(SLOW_FROM, "chaos-monkey", "slow-dc1-apps site:dc1", true),
                new Event.FaultInjected(SLOW_FROM + 1_000, "latency", "slow-dc1-apps-2 link:app-dc1-a->db-router-dc1", true),
                new Event.FaultHealed(SLOW_FROM + 2_000, "latency", "slow-dc1-apps-2 link:app-dc1-a->db-router-dc1"),
                new Event.FaultHealed(SLOW_TO, "chaos-monkey", "slow-dc1-apps site:dc1"));

        assertThat(p95MillisByPhase(history)).as("p95 per phase (ms)").containsEntry("recovered", 5L);
    }

    @Test
    void anOutageFaultEndsAtRecoveryNotAtItsHeal() {
        // A kill that fails nothing (a standby): recovered at once, although the node is only restarted at 100 s.
        History history = drill(
                new Event.FaultInjected(SLOW_FROM, "kill", "standby-down node:pg-dc2"),
                new Event.FaultHealed(SLOW_TO, "kill", "standby-down node:pg-dc2"));

        assertThat(p95MillisByPhase(history)).as("p95 per phase (ms)")
                .containsEntry("baseline", 5L).doesNotContainKey("disruption");
        assertThat(p95MillisByPhase(history).get("recovered")).as("recovered p95 (ms), the slow stretch included")
                .isBetween(499L, 501L);
    }
}
