package casedrill.junit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.check.Demand;
import casedrill.check.Measured;
import casedrill.check.Verdict;
import casedrill.report.DrillResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drill assertions on literal results: each passes on a good figure and, on a bad one, quotes measured vs target and the folder. */
class DrillAssertionsTest {
    private static final Path FOLDER = Path.of("target/casedrill-reports/dc1-power-loss/20261202-165500-ab12");

    private static DrillRun run(Verdict verdict, DrillResult.TargetResult... targets) {
        return new DrillRun(new DrillResult(DrillResult.SCHEMA_VERSION, "20261202-165500-ab12", "2.4.1",
                new DrillResult.Scenario("dc1-power-loss", "dc1 loses power", "scenarios/dc1-power-loss.yaml", "00", 150_000), null,
                "2026-12-02T16:55:00Z", "2026-12-02T16:58:30Z", 210_000, List.of(), List.of(), List.of(targets), verdict,
                verdict == Verdict.PASS ? 0 : 1, verdict == Verdict.PASS ? "every target was met" : "target(s) missed: rto", ""), FOLDER);
    }

    private static DrillResult.TargetResult rto(Verdict verdict, Double seconds) {
        return new DrillResult.TargetResult("rto", "rto", Demand.seconds("≤ 30s", 30, 0.95), verdict, new Measured.Recovery(seconds, List.of()),
                "worst over 1 disruption(s)");
    }

    private static final DrillResult.TargetResult RPO = new DrillResult.TargetResult("rpo", "rpo", Demand.seconds("0s", 0, null), Verdict.FAIL,
            new Measured.Writes(0.3, 400, 2, 1, 0, 0), "3 of 400 acknowledged writes lost");
    private static final DrillResult.TargetResult BUDGET = new DrillResult.TargetResult("error-budget", "error-budget",
            Demand.ratio("failed requests ≤ 20% of all", 0.2), Verdict.PASS, Measured.Requests.of(150, 1000, 150, 300), "150 of 1000 failed");
    private static final DrillResult.TargetResult SPLIT = new DrillResult.TargetResult("split-brain", "split-brain", Demand.count("forbidden", 0),
            Verdict.FAIL, new Measured.Primaries(2, true), "primaries a/2 and b/3 both accepted writes");

    @Test
    void aPassingDrillPassesEveryAssertionOnItsFigures() {
        DrillRun good = run(Verdict.PASS, rto(Verdict.PASS, 12.5), BUDGET);
        DrillAssertions.assertThat(good).passed();
        DrillAssertions.assertThat(good).target("rto").measuredSeconds().isLessThan(30.0).isEqualTo(12.5);
        DrillAssertions.assertThat(good).errorBudget().isBelow(0.2).isEqualTo(0.15);
    }

    @Test
    void failuresQuoteMeasuredAgainstTargetAndTheRunFolder() {
        DrillRun bad = run(Verdict.FAIL, rto(Verdict.FAIL, 31.2), RPO, BUDGET, SPLIT);
        assertThatThrownBy(() -> DrillAssertions.assertThat(bad).passed()).hasMessageContainingAll("expected drill dc1-power-loss to pass",
                "rto FAIL: measured 31.20 s, target ≤ 30s", FOLDER.toString());
        assertThatThrownBy(() -> DrillAssertions.assertThat(bad).target("rto").measuredSeconds().isLessThan(30.0))
                .hasMessageContainingAll("measured 31.20 s, target ≤ 30s", "31.2", FOLDER.toString());
        assertThatThrownBy(() -> DrillAssertions.assertThat(bad).lostWrites().isZero())
                .hasMessageContainingAll("lost writes of drill dc1-power-loss", "3 of 400 writes lost", FOLDER.toString());
        assertThatThrownBy(() -> DrillAssertions.assertThat(bad).noSplitBrain())
                .hasMessageContainingAll("overlap: 2 primaries", "both accepted writes", FOLDER.toString());
        assertThatThrownBy(() -> DrillAssertions.assertThat(bad).errorBudget().isBelow(0.1))
                .hasMessageContainingAll("error-budget", "150 of 1000 failed (15.000 %)", FOLDER.toString());
    }

    @Test
    void aFigureThatWasNotMeasuredOrATargetThatIsAbsentSaysSo() {
        DrillRun notRecovered = run(Verdict.FAIL, rto(Verdict.FAIL, null));
        assertThatThrownBy(() -> DrillAssertions.assertThat(notRecovered).target("rto").measuredSeconds())
                .hasMessageContainingAll("target rto measured no seconds", "not recovered", FOLDER.toString());
        assertThatThrownBy(() -> DrillAssertions.assertThat(notRecovered).noSplitBrain())
                .hasMessageContainingAll("has no target 'split-brain' (it has: rto)", FOLDER.toString());
    }
}
