package casedrill.report;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.check.Demand;
import casedrill.check.Measured;
import casedrill.check.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The catalogue's standing on literal results: expected-fail scenarios stand as expected only when they FAIL. */
class CatalogueTableTest {
    private static DrillResult result(String scenario, String verdict, int exit, String reason, DrillResult.TargetResult... targets) {
        return new DrillResult(DrillResult.SCHEMA_VERSION, "run-" + scenario, null, new DrillResult.Scenario(scenario, scenario, "scenarios/" + scenario + ".yaml", "00", 150_000),
                new DrillResult.Stack("s", "two-dc", "sync replication, Patroni 4, db routing router", "automatic", Map.of()),
                "2026-11-23T06:10:00.000Z", "2026-11-23T06:13:30.000Z", 210_000, List.of(), List.of(), List.of(targets),
                Verdict.valueOf(verdict), exit, reason, "");
    }

    private static DrillResult.TargetResult target(String name, String demanded, String verdict, Measured measured) {
        return new DrillResult.TargetResult(name, name, Demand.words(demanded), Verdict.valueOf(verdict), measured, "");
    }

    @Test
    void standingComparesTheVerdictWithTheExpectation() {
        DrillResult pass = result("dc1-power-loss", "PASS", 0, "all targets met", target("rto", "≤ 45s", "PASS", new Measured.Recovery(26.38, List.of())),
                target("rpo", "0s", "PASS", new Measured.Writes(0, 400, 0, 0, 2, 0)), target("error-budget", "≤ 20%", "PASS", Measured.Requests.of(1536, 10000, 1500, 3000)));
        DrillResult caught = result("async-wan-cut-then-dc1-loss", "FAIL", 1, "rpo missed", target("rpo", "0s", "FAIL", new Measured.Writes(12.4, 400, 12, 0, 0, 0)));
        DrillResult missed = result("multihost-patroni-only-crash", "PASS", 0, "all targets met");
        List<CatalogueTable.Entry> entries = List.of(
                new CatalogueTable.Entry("dc1-power-loss", CatalogueTable.Expectation.PASS, Optional.of(pass)),
                new CatalogueTable.Entry("async-wan-cut-then-dc1-loss", CatalogueTable.Expectation.FAIL, Optional.of(caught)));
        assertThat(entries).extracting(CatalogueTable::standing).containsExactly(CatalogueTable.Standing.AS_EXPECTED,
                CatalogueTable.Standing.AS_EXPECTED);
        assertThat(CatalogueTable.exitCode(entries)).as("all as expected").isEqualTo(0);

        List<CatalogueTable.Entry> withContrary = List.of(entries.get(0), new CatalogueTable.Entry("multihost-patroni-only-crash", CatalogueTable.Expectation.FAIL, Optional.of(missed)),
                new CatalogueTable.Entry("witness-loss", CatalogueTable.Expectation.PASS, Optional.empty()));
        assertThat(CatalogueTable.standing(withContrary.get(1))).as("an expected-fail drill that passed: the harness missed the defect")
                .isEqualTo(CatalogueTable.Standing.CONTRARY);
        assertThat(CatalogueTable.exitCode(withContrary)).as("contrary beats not run").isEqualTo(1);
        assertThat(CatalogueTable.exitCode(List.of(entries.get(0), withContrary.get(2)))).as("not run").isEqualTo(3);
        DrillResult bugStruck = result("patroni302-freeze-thaw-dc1", "FAIL", 1, "rpo missed");
        assertThat(CatalogueTable.standing(new CatalogueTable.Entry("patroni302-freeze-thaw-dc1", CatalogueTable.Expectation.EITHER,
                Optional.of(bugStruck)))).as("a probabilistic known bug may strike or not").isEqualTo(CatalogueTable.Standing.AS_EXPECTED);
        assertThat(CatalogueTable.Expectation.of(List.of("known-bug", "patroni-3"))).isEqualTo(CatalogueTable.Expectation.EITHER);
        assertThat(CatalogueTable.Expectation.of(List.of("expected-fail", "known-bug"))).isEqualTo(CatalogueTable.Expectation.FAIL);
    }

    @Test
    void theTableShowsMeasuredAgainstTargetAndWhyARunWasInconclusive() {
        DrillResult pass = result("dc1-power-loss", "PASS", 0, "all targets met", target("rto", "≤ 45s", "PASS", new Measured.Recovery(26.38, List.of())),
                target("rpo", "0s", "PASS", new Measured.Writes(0, 400, 0, 0, 2, 0)), target("error-budget", "≤ 20%", "PASS", Measured.Requests.of(1536, 10000, 1500, 3000)));
        DrillResult aborted = result("flapping-wan", "UNKNOWN", 3, "aborted: 'errorRate > 90%' held for 30.0 s (last value 97.0)");
        String md = CatalogueTable.markdown(List.of(new CatalogueTable.Entry("dc1-power-loss", CatalogueTable.Expectation.PASS, Optional.of(pass)),
                new CatalogueTable.Entry("flapping-wan", CatalogueTable.Expectation.PASS, Optional.of(aborted))));
        assertThat(md).contains("| dc1-power-loss | PASS | PASS | as expected | 26.38 s (≤ 45s) | 0.00 s (0s) | 15.360 % (≤ 20%) | 2026-11-23 06:10 | 210 s |");
        assertThat(md).contains("| flapping-wan | PASS | UNKNOWN | inconclusive |");
        assertThat(md).contains("aborted: 'errorRate > 90%' held for 30.0 s");
    }
}
