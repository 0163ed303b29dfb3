package casedrill.gate;

import casedrill.notation.Durations;
import casedrill.notation.Percentage;
import casedrill.report.DrillResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a run with its baseline run of the same scenario: RTO worse by more than the tolerance,
 * any new lost write, or more of the error budget burned than the tolerance allows. A measure either
 * run lacks is not compared (its target's own verdict already says UNKNOWN).
 */
public final class BaselineComparison {
    private BaselineComparison() {
    }

    public static List<Regression> compare(DrillResult now, DrillResult baseline, Suite.Tolerance tolerance) {
        Measures m = Measures.of(now);
        Measures b = Measures.of(baseline);
        List<Regression> found = new ArrayList<>();
        if (m.rtoMs().isPresent() && b.rtoMs().isPresent()) {
            long limit = b.rtoMs().getAsLong() == Long.MAX_VALUE ? Long.MAX_VALUE : tolerance.rtoLimitMs(b.rtoMs().getAsLong());
            if (m.rtoMs().getAsLong() > limit) {
                found.add(new Regression("RTO", seconds(b.rtoMs().getAsLong()), seconds(m.rtoMs().getAsLong()), tolerance.describeRto()));
            }
        }
        if (m.lostWrites().isPresent() && b.lostWrites().isPresent() && m.lostWrites().getAsLong() > b.lostWrites().getAsLong()) {
            found.add(new Regression("lost writes", b.lostWrites().getAsLong() + " lost", m.lostWrites().getAsLong() + " lost", "none"));
        }
        if (m.errorBudgetPercent().isPresent() && b.errorBudgetPercent().isPresent()
                && m.errorBudgetPercent().getAsDouble() > b.errorBudgetPercent().getAsDouble() + tolerance.errorBudgetPoints() + 1e-9) {
            found.add(new Regression("error budget burned", percent(b.errorBudgetPercent().getAsDouble()),
                    percent(m.errorBudgetPercent().getAsDouble()), "+" + percent(tolerance.errorBudgetPoints()).replace(" %", " points")));
        }
        return found;
    }

    static String seconds(long ms) {
        return ms == Long.MAX_VALUE ? "not recovered" : Durations.seconds(ms);
    }

    /** {@code points} are percentage points, not a ratio. */
    static String percent(double points) {
        return Percentage.measured(points / 100);
    }
}
