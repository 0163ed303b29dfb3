package casedrill.drill;

import casedrill.check.CheckResult;
import casedrill.check.Checker;
import casedrill.check.Checkers;
import casedrill.check.Demand;
import casedrill.check.ErrorBudgetChecker;
import casedrill.check.FailedRequestsChecker;
import casedrill.check.RecoveryCriteria;
import casedrill.check.RecoveryPointChecker;
import casedrill.check.RecoveryTimeChecker;
import casedrill.check.RunbookChecker;
import casedrill.check.SplitBrainChecker;
import casedrill.check.SteadyStateRule;
import casedrill.check.Targets;
import casedrill.history.History;
import casedrill.notation.Durations;
import casedrill.report.DrillResult;
import casedrill.scenario.FailoverSpec;
import casedrill.scenario.Scenario;
import casedrill.scenario.SteadyState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps a scenario's targets onto the checkers: one checked target per entry of {@code targets:}.
 * The steady state is not a target but a precondition: {@link #steadyStateRule} is what the drill judges before
 * anything is injected (and what the steady-state checker judges afterwards). The recovery threshold (when a transaction counts
 * as recovered, for RTO and the phases) is {@code recovered.successRate}, else the default 95%.
 */
public record TargetPlan(List<Item> items) {
    /** One target: its name, what it demands in the scenario's words, the checker and its thresholds. */
    public record Item(String name, Demand demanded, Checker checker, Targets targets) {
    }

    public static TargetPlan of(Scenario s) {
        Duration probe = s.probes().interval();
        RecoveryCriteria criteria = criteria(s);
        double threshold = criteria.threshold();
        Targets base = new Targets(null, null, null, null, Map.of(), probe, criteria, null);
        List<Item> items = new ArrayList<>();
        s.targets().rto().ifPresent(rto -> items.add(new Item("rto", Demand.seconds("≤ " + Durations.format(rto)
                + " (recovered = success ≥ " + percent(threshold) + ")", rto.toMillis() / 1000.0, threshold), new RecoveryTimeChecker(),
                base.withRto(rto))));
        s.targets().rpo().ifPresent(rpo -> items.add(new Item("rpo", Demand.seconds(rpo.isZero() ? "0s: no acknowledged write lost"
                : "≤ " + Durations.format(rpo), rpo.toMillis() / 1000.0, null), new RecoveryPointChecker(), base.withRpo(rpo))));
        s.targets().errorBudget().ifPresent(b -> items.add(new Item("error-budget", Demand.ratio("failed requests ≤ " + b + " of all",
                b.fraction()), new ErrorBudgetChecker(), base.withErrorRates(b.fraction(), null))));
        s.targets().failedRequests().ifPresent(n -> items.add(new Item("failed-requests", Demand.count("failed requests ≤ " + n, n),
                new FailedRequestsChecker(), base.withMaxFailedRequests(n))));
        if (s.failover().mode() == FailoverSpec.Mode.RUNBOOK) {
            items.add(new Item("runbook", Demand.words("every step succeeds (RTO split into detect / decide / act)"), new RunbookChecker(), base));
        }
        if (s.targets().splitBrainForbidden()) {
            items.add(new Item("split-brain", Demand.count("forbidden", 0), new SplitBrainChecker(), base));
        }
        s.targets().recovered().filter(r -> r.p95().isPresent() || r.p99().isPresent()).ifPresent(r -> items.add(
                new Item("recovered-latency", Demand.latency((r.p95().map(d -> "p95 ≤ " + Durations.format(d) + " ").orElse("")
                        + r.p99().map(d -> "p99 ≤ " + Durations.format(d)).orElse("")).trim() + " after recovery",
                        r.p95().map(d -> d.toNanos() / 1e6).orElse(null), r.p99().map(d -> d.toNanos() / 1e6).orElse(null)),
                        new RecoveredLatencyChecker(r.p95(), r.p99(), criteria), base)));
        return new TargetPlan(List.copyOf(items));
    }

    /** The scenario's {@code steadyState:} as the one rule the drill and the checker apply. */
    static SteadyStateRule steadyStateRule(Scenario s) {
        SteadyState spec = s.steadyState();
        return new SteadyStateRule(spec.successRate().fraction(), spec.p95().map(d -> d.toNanos() / 1e6).orElse(null),
                spec.p99().map(d -> d.toNanos() / 1e6).orElse(null));
    }

    /** When a transaction counts as recovered in this scenario: for RTO, the phases and the live progress line. */
    static RecoveryCriteria criteria(Scenario s) {
        double threshold = s.targets().recovered().flatMap(r -> r.successRate()).map(p -> p.fraction())
                .orElse(RecoveryCriteria.DEFAULT.threshold());
        return new RecoveryCriteria(RecoveryCriteria.DEFAULT.window(), threshold, RecoveryCriteria.DEFAULT.stability());
    }

    /** Runs every target's checker (a crash is UNKNOWN, never PASS) and pairs the verdicts with the targets. */
    public List<DrillResult.TargetResult> check(History history) {
        List<DrillResult.TargetResult> results = new ArrayList<>();
        for (Item item : items) {
            CheckResult r = Checkers.run(List.of(item.checker()), history, item.targets()).get(0);
            results.add(new DrillResult.TargetResult(item.name(), item.checker().name(), item.demanded(), r.verdict(),
                    r.measured(), r.explanation()));
        }
        return results;
    }

    private static String percent(double fraction) {
        return DrillPlan.trim(fraction * 100) + "%";
    }
}
