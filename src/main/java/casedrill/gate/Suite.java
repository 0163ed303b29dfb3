package casedrill.gate;

import casedrill.notation.Percentage;
import casedrill.scenario.Scenario;
import casedrill.scenario.Targets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A gate suite: the scenarios a release gate runs, each with the verdict it must reach and optional
 * target overrides, and the tolerances of the baseline comparison.
 */
public record Suite(String id, String title, Path file, Tolerance tolerance, List<Entry> entries) {
    public Suite {
        entries = List.copyOf(entries);
    }

    /**
     * One scenario of the suite.
     *
     * @param expected  the overall verdict that passes the gate (FAIL for drills that must catch a known fault)
     */
    public record Entry(String scenarioId, Path scenarioFile, String expected, Overrides overrides) {
    }

    /** Targets that replace the scenario's own for this suite. */
    public record Overrides(Optional<Duration> rto, Optional<Duration> rpo, Optional<Double> errorBudgetPercent) {
        public static final Overrides NONE = new Overrides(Optional.empty(), Optional.empty(), Optional.empty());

        public boolean any() {
            return rto.isPresent() || rpo.isPresent() || errorBudgetPercent.isPresent();
        }

        /** {@code s} with these targets in place of its own (the others kept). */
        public Scenario applyTo(Scenario s) {
            if (!any()) {
                return s;
            }
            Targets t = s.targets();
            Targets targets = new Targets(rto.or(t::rto), rpo.or(t::rpo), errorBudgetPercent.map(Percentage::new).or(t::errorBudget),
                    t.failedRequests(), t.splitBrainForbidden(), t.recovered());
            return new Scenario(s.id(), s.title(), s.description(), s.source(), s.sha256(), s.topology(), s.tags(), s.duration(), s.stack(),
                    s.load(), s.probes(), s.steadyState(), s.faults(), s.failover(), targets, s.abort());
        }
    }

    /**
     * How much worse than the baseline counts as a regression. A new lost write always does.
     *
     * @param rtoAbsolute      extra RTO allowed, when the suite gives a duration
     * @param rtoRelative      extra RTO allowed as a share of the baseline's (0.2 = 20 %), when it gives a percentage
     * @param errorBudgetPoints extra failed-request percentage points allowed
     */
    public record Tolerance(Optional<Duration> rtoAbsolute, Optional<Double> rtoRelative, double errorBudgetPoints) {
        public static final Tolerance STRICT = new Tolerance(Optional.empty(), Optional.empty(), 0);

        /** The RTO (ms) above which a measurement regresses against {@code baselineMs}. */
        public long rtoLimitMs(long baselineMs) {
            long extra = rtoAbsolute.map(Duration::toMillis).orElse(0L)
                    + rtoRelative.map(r -> Math.round(baselineMs * r)).orElse(0L);
            return baselineMs + extra;
        }

        public String describeRto() {
            return rtoAbsolute.map(d -> "+" + casedrill.notation.Durations.format(d))
                    .or(() -> rtoRelative.map(r -> "+" + Math.round(r * 100) + "%")).orElse("none");
        }
    }
}
