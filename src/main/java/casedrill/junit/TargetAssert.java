package casedrill.junit;

import casedrill.check.Verdict;
import casedrill.report.DrillResult;
import java.util.OptionalDouble;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one target of a drill: its verdict and its measured figures. */
public final class TargetAssert extends AbstractAssert<TargetAssert, DrillResult.TargetResult> {
    private final String folder;

    TargetAssert(DrillResult.TargetResult actual, String folder) {
        super(actual, TargetAssert.class);
        this.folder = folder;
    }

    /** "rto FAIL: measured 31.20 s, target ≤ 30s (...): why". */
    static String line(DrillResult.TargetResult t) {
        return t.name() + " " + t.verdict() + ": measured " + t.measuredText() + ", target " + t.target().text() + " (" + t.explanation() + ")";
    }

    public TargetAssert passed() {
        if (actual.verdict() != Verdict.PASS) {
            failWithMessage("expected target %s to pass: %s; run folder %s", actual.name(), line(actual), folder);
        }
        return this;
    }

    /** The measured time in seconds (RTO, RPO); fails when there is none (for instance: not recovered by the end). */
    public FigureAssert measuredSeconds() {
        return figure(actual.measured().inSeconds(), "seconds");
    }

    /** The measured share in [0, 1] (error budget burned). */
    public FigureAssert measuredRatio() {
        return figure(actual.measured().asRatio(), "ratio");
    }

    private FigureAssert figure(OptionalDouble value, String unit) {
        if (value.isEmpty()) {
            failWithMessage("target %s measured no %s: %s; run folder %s", actual.name(), unit, line(actual), folder);
        }
        return new FigureAssert(value.getAsDouble()).as("%s in %s; run folder %s", actual.name(), line(actual), folder);
    }
}
