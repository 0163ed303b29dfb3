package casedrill.gate;

import casedrill.report.DrillResult;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a baseline comparison needs, read back from a result.json: measured RTO, lost writes
 * and the error budget burned. Empty when the drill did not measure them.
 *
 * @param rtoMs          overall measured RTO; {@link Long#MAX_VALUE} when not recovered by the end
 * @param lostWrites     acknowledged writes lost or altered, from the reconciliation
 * @param errorBudgetPercent failed requests over the whole drill, in percent
 */
public record Measures(OptionalLong rtoMs, OptionalInt lostWrites, OptionalDouble errorBudgetPercent) {
    private static final Pattern SECONDS = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) s");
    private static final Pattern PERCENT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) %");
    private static final Pattern RECONCILED = Pattern.compile("([0-9]+) lost, ([0-9]+) altered");

    public static Measures of(DrillResult result) {
        return new Measures(rto(result), lost(result), errorBudget(result));
    }

    private static OptionalLong rto(DrillResult result) {
        Optional<DrillResult.TargetResult> rto = target(result, "rto");
        if (rto.isEmpty()) {
            return OptionalLong.empty();
        }
        if (rto.get().measured().startsWith("not recovered")) {
            return OptionalLong.of(Long.MAX_VALUE);
        }
        Matcher m = SECONDS.matcher(rto.get().measured());
        return m.matches() ? OptionalLong.of(Math.round(Double.parseDouble(m.group(1)) * 1000)) : OptionalLong.empty();
    }

    private static OptionalInt lost(DrillResult result) {
        return result.timeline().stream().filter(e -> e.kind().equals("reconciled")).map(e -> RECONCILED.matcher(e.what()))
                .filter(Matcher::find).mapToInt(m -> Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2))).findFirst();
    }

    private static OptionalDouble errorBudget(DrillResult result) {
        return target(result, "error-budget").map(t -> PERCENT.matcher(t.measured())).filter(Matcher::matches)
                .map(m -> OptionalDouble.of(Double.parseDouble(m.group(1)))).orElse(OptionalDouble.empty());
    }

    private static Optional<DrillResult.TargetResult> target(DrillResult result, String checker) {
        return result.targets().stream().filter(t -> t.checker().equals(checker)).findFirst();
    }
}
