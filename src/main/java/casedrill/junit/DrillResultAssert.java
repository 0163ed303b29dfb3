package casedrill.junit;

import casedrill.check.Measured;
import casedrill.check.Verdict;
import casedrill.report.DrillResult;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractLongAssert;
import org.assertj.core.api.Assertions;

/** Assertions on a drill's result; every failure quotes what was measured against the target and names the run folder. */
public final class DrillResultAssert extends AbstractAssert<DrillResultAssert, DrillResult> {
    private final String folder;

    DrillResultAssert(DrillResult actual, String folder) {
        super(actual, DrillResultAssert.class);
        this.folder = folder;
    }

    /** Every target met (verdict PASS). */
    public DrillResultAssert passed() {
        isNotNull();
        if (actual.verdict() != Verdict.PASS) {
            failWithMessage("expected drill %s to pass, but it was %s (exit %d): %s%n%s%nrun folder %s", actual.scenario().id(), actual.verdict(),
                    actual.exitCode(), actual.reason(), actual.targets().stream().filter(t -> t.verdict() != Verdict.PASS)
                            .map(TargetAssert::line).collect(Collectors.joining("\n")), folder);
        }
        return this;
    }

    /** The target named {@code name} (rto, rpo, error-budget, failed-requests, split-brain, runbook, recovered-latency). */
    public TargetAssert target(String name) {
        isNotNull();
        DrillResult.TargetResult target = actual.target(name).orElse(null);
        if (target == null) {
            failWithMessage("drill %s has no target '%s' (it has: %s); run folder %s", actual.scenario().id(), name,
                    actual.targets().stream().map(DrillResult.TargetResult::name).collect(Collectors.joining(", ")), folder);
        }
        return new TargetAssert(target, folder);
    }

    /** Acknowledged writes lost or altered, as the RPO target's reconciliation counted them. */
    public AbstractLongAssert<?> lostWrites() {
        DrillResult.TargetResult rpo = target("rpo").actual();
        if (rpo.measured().lostWrites().isEmpty()) {
            failWithMessage("drill %s did not count lost writes: %s; run folder %s", actual.scenario().id(), TargetAssert.line(rpo), folder);
        }
        return Assertions.assertThat(rpo.measured().lostWrites().getAsLong()).as("lost writes of drill %s (%s); run folder %s",
                actual.scenario().id(), TargetAssert.line(rpo), folder);
    }

    /** The split-brain target was judged, and no two primaries accepted writes at the same time. */
    public DrillResultAssert noSplitBrain() {
        DrillResult.TargetResult splitBrain = target("split-brain").actual();
        boolean overlap = !(splitBrain.measured() instanceof Measured.Primaries p) || p.overlap();
        if (splitBrain.verdict() != Verdict.PASS || overlap) {
            failWithMessage("expected no split brain in drill %s, but %s; run folder %s", actual.scenario().id(), TargetAssert.line(splitBrain), folder);
        }
        return this;
    }

    /** The share of requests that failed over the whole drill, in [0, 1]. */
    public FigureAssert errorBudget() {
        return target("error-budget").measuredRatio();
    }
}
