package casedrill.drill;

import casedrill.notation.Durations;
import casedrill.scenario.Targets;
import java.util.ArrayList;
import java.util.List;

/** Targets in words, as plans and reports state them. */
final class PlanTargets {
    private PlanTargets() {
    }

    static List<String> describe(Targets t) {
        List<String> lines = new ArrayList<>();
        t.rto().ifPresent(d -> lines.add("RTO ≤ " + Durations.format(d) + " per disruption, per transaction"));
        t.rpo().ifPresent(d -> lines.add(d.isZero() ? "RPO 0s: no acknowledged write may be lost"
                : "RPO ≤ " + Durations.format(d)));
        t.errorBudget().ifPresent(p -> lines.add("error budget ≤ " + p + " failed requests over the whole drill"));
        t.failedRequests().ifPresent(n -> lines.add("failed requests ≤ " + n));
        if (t.splitBrainForbidden()) {
            lines.add("split brain forbidden: never two primaries accepting writes at the same time");
        }
        t.recovered().ifPresent(r -> {
            List<String> parts = new ArrayList<>();
            r.successRate().ifPresent(p -> parts.add("success ≥ " + p));
            r.p95().ifPresent(d -> parts.add("p95 ≤ " + Durations.format(d)));
            r.p99().ifPresent(d -> parts.add("p99 ≤ " + Durations.format(d)));
            lines.add("after recovery: " + String.join(", ", parts));
        });
        return lines;
    }
}
