package casedrill.check;

import casedrill.history.Event;
import casedrill.history.History;
import casedrill.notation.Durations;

/**
 * Steady state before the first fault, by the same {@link SteadyStateRule} the drill applied before injecting: the
 * window and rule come from the history's {@code steady_state_judged}. A history without one (older drills, histories
 * written by other tools) is judged by {@link SteadyStateRule#DEFAULT} over the 20 s before the first fault (or the
 * whole history when nothing was injected).
 */
public final class SteadyStateChecker implements Checker {
    public static final String NAME = "steady-state";
    private static final long DEFAULT_WINDOW_MS = 20_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(History history, Targets targets) {
        SteadyStateRule.Finding finding = history.first(Event.SteadyStateJudged.class)
                .map(j -> new SteadyStateRule(j.minSuccessRatio(), j.maxP95Ms(), j.maxP99Ms()).judge(history, j.fromMs(), j.toMs()))
                .orElseGet(() -> {
                    long until = history.first(Event.FaultInjected.class).map(Event::offsetMs).orElse(history.endMs() + 1);
                    long from = history.first(Event.FaultInjected.class).isPresent() ? Math.max(0, until - DEFAULT_WINDOW_MS) : 0;
                    return SteadyStateRule.DEFAULT.judge(history, from, until);
                });
        if (finding.requests() == 0) {
            return CheckResult.unknown(NAME, finding.refusal().orElseThrow());
        }
        String line = finding.describe() + " between " + Durations.seconds(finding.fromMs()) + " and "
                + Durations.seconds(finding.toMs()) + finding.refusal().map(r -> ": " + r).orElse(": held");
        return CheckResult.judged(NAME, finding.held(), new Measured.Ratio(finding.successRatio()), line);
    }
}
