package casedrill.gate;

import casedrill.check.Measured;
import casedrill.report.DrillResult;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The numbers a baseline comparison needs, taken from a result's typed measurements: measured RTO, lost writes
 * and the error budget burned. Empty when the drill did not measure them.
 *
 * @param rtoMs          overall measured RTO; {@link Long#MAX_VALUE} when not recovered by the end
 * @param lostWrites     acknowledged writes lost or altered, from the reconciliation
 * @param errorBudgetPercent failed requests over the whole drill, in percent
 */
public record Measures(OptionalLong rtoMs, OptionalLong lostWrites, OptionalDouble errorBudgetPercent) {
    public static Measures of(DrillResult result) {
        Optional<Measured> rto = measured(result, "rto");
        OptionalLong rtoMs = rto.map(m -> m instanceof Measured.Recovery r && !r.recovered() ? OptionalLong.of(Long.MAX_VALUE)
                : m.inSeconds().isPresent() ? OptionalLong.of(Math.round(m.inSeconds().getAsDouble() * 1000)) : OptionalLong.empty())
                .orElse(OptionalLong.empty());
        OptionalLong lost = measured(result, "rpo").map(Measured::lostWrites).orElse(OptionalLong.empty());
        OptionalDouble budget = measured(result, "error-budget").map(Measured::asRatio).orElse(OptionalDouble.empty());
        return new Measures(rtoMs, lost, budget.isPresent() ? OptionalDouble.of(budget.getAsDouble() * 100) : OptionalDouble.empty());
    }

    private static Optional<Measured> measured(DrillResult result, String checker) {
        return result.targets().stream().filter(t -> t.checker().equals(checker)).findFirst().map(DrillResult.TargetResult::measured);
    }
}
