package casedrill.check;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.history.Event;
import casedrill.history.History;
import casedrill.history.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one steady-state rule, as the drill applies it before injecting and as the checker re-judges it afterwards. */
class SteadyStateRuleTest {
    private static final SteadyStateRule LENIENT = new SteadyStateRule(0.99, 300.0, null);

    private static Event.Probe probe(long at, Outcome outcome, long latencyMs) {
        return new Event.Probe(at, "status", outcome, outcome == Outcome.OK ? 200 : 503, latencyMs, "app-dc1-a");
    }

    private static List<Event> healthyFor20s() {
        List<Event> events = new ArrayList<>();
        for (long t = 0; t < 20_000; t += 100) {
            events.add(probe(t, Outcome.OK, 20));
        }
        return events;
    }

    @Test
    void refusesSlowOrFailingServiceAndCountsOnlyItsWindow() {
        List<Event> events = healthyFor20s();
        events.add(probe(25_000, Outcome.FAILED, 0)); // after the window: ignored
        History history = new History(events);
        assertThat(new SteadyStateRule(0.99, 1.0, null).judge(history, 5_000, 15_000).refusal()).as("p95 1 ms")
                .hasValueSatisfying(r -> assertThat(r).isEqualTo("p95 20.0 ms is above the steady state's 1 ms"));
        SteadyStateRule.Finding ok = LENIENT.judge(history, 5_000, 15_000);
        assertThat(ok.held()).as("lenient rule held").isTrue();
        assertThat(ok.requests()).as("probes in the window").isEqualTo(100);

        List<Event> failing = new ArrayList<>(events);
        failing.add(probe(6_000, Outcome.FAILED, 0));
        failing.add(probe(6_001, Outcome.UNKNOWN, 1000));
        assertThat(LENIENT.judge(new History(failing), 5_000, 15_000).refusal()).as("98% success")
                .hasValueSatisfying(r -> assertThat(r).isEqualTo("success 98.04% is below the steady state's 99%"));
        assertThat(LENIENT.judge(new History(List.of()), 5_000, 15_000).refusal()).as("nothing seen")
                .hasValueSatisfying(r -> assertThat(r).contains("not seen"));
    }

    @Test
    void theCheckerJudgesTheWindowAndRuleTheDrillRecorded() {
        List<Event> events = healthyFor20s();
        // An outage before the judged window: the drill saw a steady state from 10 s on, and so does the checker.
        for (long t = 0; t < 3_000; t += 100) {
            events.set((int) (t / 100), probe(t, Outcome.FAILED, 0));
        }
        events.add(new Event.SteadyStateJudged(20_000, 10_000, 20_000, 0.99, 300.0, null));
        events.add(new Event.FaultInjected(20_500, "kill", "kill node:app-dc1-a", false, "kill-a", true, 20_450L));
        CheckResult judged = new SteadyStateChecker().check(new History(events), Targets.none());
        assertThat(judged.verdict()).as("verdict").isEqualTo(Verdict.PASS);
        assertThat(judged.explanation()).as("explanation")
                .isEqualTo("success 100.00% over 100 requests, p95 20.0 ms, p99 20.0 ms between 10.00 s and 20.00 s: held");

        // Without the drill's record the default rule looks at the 20 s before the first fault, outage included.
        events.removeIf(e -> e instanceof Event.SteadyStateJudged);
        CheckResult fallback = new SteadyStateChecker().check(new History(events), Targets.none());
        assertThat(fallback.verdict()).as("verdict without steady_state_judged").isEqualTo(Verdict.FAIL);
        assertThat(fallback.explanation()).as("explanation without steady_state_judged")
                .contains("between 0.50 s and 20.50 s: success 87.18% is below the steady state's 99%");
    }
}
