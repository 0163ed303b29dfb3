package casedrill.gate;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.check.Measured;
import casedrill.check.Verdict;
import casedrill.report.DrillResult;
import casedrill.report.ResultJson;
import casedrill.testing.RunFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gate's decision on recorded result.json fixtures: no drill runs here. */
class GateEvaluationTest {
    private static final Suite.Tolerance FIVE_SECONDS = new Suite.Tolerance(Optional.of(java.time.Duration.ofSeconds(5)), Optional.empty(), 0.5);

    static GateEvaluation.Run run(String fixture) {
        Path folder = RunFixtures.source().resolve(fixture);
        try {
            return new GateEvaluation.Run(folder, ResultJson.read(folder.resolve("result.json")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Suite suite(String... idAndExpected) {
        List<Suite.Entry> entries = new ArrayList<>();
        for (int i = 0; i < idAndExpected.length; i += 2) {
            entries.add(new Suite.Entry(idAndExpected[i], Path.of("scenarios", idAndExpected[i] + ".yaml"), idAndExpected[i + 1], Suite.Overrides.NONE));
        }
        return new Suite("release", "test suite", Path.of("release.yaml"), FIVE_SECONDS, entries);
    }

    static Map<String, GateEvaluation.Run> runs(GateEvaluation.Run... runs) {
        Map<String, GateEvaluation.Run> map = new java.util.LinkedHashMap<>();
        for (GateEvaluation.Run r : runs) {
            map.put(r.result().scenario().id(), r);
        }
        return map;
    }

    /** The same run with one target's measurement replaced. */
    static GateEvaluation.Run worse(GateEvaluation.Run run, String checker, Measured measured) {
        DrillResult r = run.result();
        List<DrillResult.TargetResult> targets = r.targets().stream().map(t -> t.checker().equals(checker)
                ? new DrillResult.TargetResult(t.name(), t.checker(), t.target(), t.verdict(), measured, t.explanation()) : t).toList();
        return new GateEvaluation.Run(run.folder(), new DrillResult(DrillResult.SCHEMA_VERSION, r.runId() + "-later", r.release(), r.scenario(),
                r.stack(), r.startedAt(), r.endedAt(), r.wallTimeMs(), r.plan(), r.timeline(), targets, r.verdict(), r.exitCode(), r.reason(),
                r.definitions()));
    }

    static Measured rto(double seconds) {
        return new Measured.Recovery(seconds, List.of());
    }

    @Test
    void aPassingSuiteExitsZero() {
        GateOutcome outcome = GateEvaluation.evaluate(suite("pg-primary-crash", "PASS", "dc1-evacuation", "PASS"),
                runs(run(RunFixtures.PASSING), run(RunFixtures.RUNBOOK)), Map.of());
        assertThat(outcome.verdict()).isEqualTo("PASS");
        assertThat(outcome.exitCode()).isZero();
    }

    @Test
    void aFailingScenarioFailsTheSuiteUnlessTheSuiteExpectsItToCatchAFault() {
        GateOutcome failing = GateEvaluation.evaluate(suite("pg-primary-crash", "PASS", "dc1-power-loss", "PASS"),
                runs(run(RunFixtures.PASSING), run(RunFixtures.LOST_WRITES)), Map.of());
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.rows().get(1).why()).isEqualTo("targets missed: rpo, error-budget");

        GateOutcome expected = GateEvaluation.evaluate(suite("dc1-power-loss", "FAIL"), runs(run(RunFixtures.LOST_WRITES)), Map.of());
        assertThat(expected.exitCode()).as("expect: FAIL and it failed").isZero();
        GateOutcome notCaught = GateEvaluation.evaluate(suite("pg-primary-crash", "FAIL"), runs(run(RunFixtures.PASSING)), Map.of());
        assertThat(notCaught.exitCode()).as("expect: FAIL but it passed").isEqualTo(1);
    }

    @Test
    void aMissingOrInconclusiveRunIsExitThreeButAFailureBeatsIt() {
        GateOutcome missing = GateEvaluation.evaluate(suite("pg-primary-crash", "PASS", "dc1-evacuation", "PASS"),
                runs(run(RunFixtures.PASSING)), Map.of());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.rows().get(1).why()).contains("did not run");

        GateEvaluation.Run inconclusive = run(RunFixtures.RUNBOOK);
        DrillResult r = inconclusive.result();
        inconclusive = new GateEvaluation.Run(inconclusive.folder(), new DrillResult(1, r.runId(), null, r.scenario(), r.stack(), r.startedAt(), r.endedAt(),
                r.wallTimeMs(), r.plan(), r.timeline(), r.targets(), Verdict.UNKNOWN, 3, "steady state not reached", r.definitions()));
        assertThat(GateEvaluation.evaluate(suite("dc1-evacuation", "PASS"), runs(inconclusive), Map.of()).exitCode()).isEqualTo(3);
        assertThat(GateEvaluation.evaluate(suite("dc1-evacuation", "PASS", "dc1-power-loss", "PASS"),
                runs(inconclusive, run(RunFixtures.LOST_WRITES)), Map.of()).exitCode()).as("FAIL beats UNKNOWN").isEqualTo(1);
    }

    @Test
    void rtoWorseThanTheToleranceIsARegressionEvenWhenTheTargetIsMet() {
        GateEvaluation.Run baseline = run(RunFixtures.PASSING); // RTO 4.20 s
        Suite suite = suite("pg-primary-crash", "PASS");

        assertThat(GateEvaluation.evaluate(suite, runs(worse(baseline, "rto", rto(9.20))), runs(baseline)).exitCode())
                .as("4.20 s → 9.20 s is exactly the 5 s tolerance").isZero();
        GateOutcome regressed = GateEvaluation.evaluate(suite, runs(worse(baseline, "rto", rto(9.30))), runs(baseline));
        assertThat(regressed.exitCode()).isEqualTo(1);
        assertThat(regressed.rows().get(0).regressions()).extracting(Regression::toString)
                .containsExactly("RTO regressed: 9.30 s (baseline 4.20 s, tolerance +5s)");
        assertThat(GateEvaluation.evaluate(suite, runs(worse(baseline, "rto", new Measured.Recovery(null, List.of()))), runs(baseline)).exitCode()).isEqualTo(1);
    }

    @Test
    void aNewLostWriteOrMoreErrorBudgetBurnedIsARegression() {
        GateEvaluation.Run baseline = run(RunFixtures.PASSING); // 0 lost, 2.513 % failed
        Suite suite = suite("pg-primary-crash", "PASS");

        GateOutcome lost = GateEvaluation.evaluate(suite, runs(worse(baseline, "rpo", new Measured.Writes(0.1, 16, 1, 0, 0, 0))), runs(baseline));
        assertThat(lost.rows().get(0).regressions()).extracting(Regression::measure).containsExactly("lost writes");
        GateOutcome burned = GateEvaluation.evaluate(suite, runs(worse(baseline, "error-budget", new Measured.Ratio(0.03100))), runs(baseline));
        assertThat(burned.rows().get(0).regressions()).extracting(Regression::measure).containsExactly("error budget burned");
        assertThat(burned.exitCode()).isEqualTo(1);
        assertThat(GateEvaluation.evaluate(suite, runs(worse(baseline, "error-budget", new Measured.Ratio(0.02900))), runs(baseline)).exitCode())
                .as("within 0.5 points").isZero();
    }

    @Test
    void junitAndSummaryCarryEveryScenarioAndTheRegression() {
        GateEvaluation.Run baseline = run(RunFixtures.PASSING);
        GateOutcome outcome = GateEvaluation.evaluate(suite("pg-primary-crash", "PASS", "dc1-power-loss", "FAIL"),
                runs(worse(baseline, "rto", rto(12.00)), run(RunFixtures.LOST_WRITES)), runs(baseline));

        String xml = GateJunit.render(outcome);
        assertThat(xml).contains("<testsuites name=\"gate release\" tests=\"7\" failures=\"1\" errors=\"0\">")
                .contains("<testsuite name=\"gate release / dc1-power-loss\" tests=\"1\" failures=\"0\"")
                .contains("RTO regressed: 12.00 s (baseline 4.20 s, tolerance +5s)");
        String md = GateSummary.render(outcome);
        assertThat(md).startsWith("## ❌ Release gate `release`: **FAIL** (exit 1)")
                .contains("| `dc1-power-loss` | FAIL | ✅ PASS | 11.00 s | 3 | 9.870 % | – | failed as expected: targets missed: rpo, error-budget |")
                .contains("| `pg-primary-crash` | PASS | ❌ FAIL | 12.00 s | 0 | 2.513 % | 20261123-030000-a1b2 |");
    }

    @Test
    void summaryNamesTheReleaseTheDrillsRanAgainst() {
        GateEvaluation.Run passing = run(RunFixtures.PASSING);
        DrillResult r = passing.result();
        GateEvaluation.Run labelled = new GateEvaluation.Run(passing.folder(), new DrillResult(r.schemaVersion(), r.runId(), "2.4.1",
                r.scenario(), r.stack(), r.startedAt(), r.endedAt(), r.wallTimeMs(), r.plan(), r.timeline(), r.targets(), r.verdict(),
                r.exitCode(), r.reason(), r.definitions()));

        assertThat(GateSummary.render(GateEvaluation.evaluate(suite("pg-primary-crash", "PASS"), runs(labelled), Map.of())))
                .startsWith("## ✅ Release gate `release` for release `2.4.1`: **PASS** (exit 0)");
        assertThat(GateSummary.render(GateEvaluation.evaluate(suite("pg-primary-crash", "PASS"), runs(passing), Map.of())))
                .as("no --release given").startsWith("## ✅ Release gate `release`: **PASS**");
    }
}
