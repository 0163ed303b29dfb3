package casedrill.report;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.check.Demand;
import casedrill.check.Measured;
import casedrill.check.Verdict;
import casedrill.testing.RunFixtures;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** result.json version 2 against its JSON Schema; version 1 files still read, with their figures as numbers. */
class ResultSchemaTest {
    private static DrillResult withTargets(List<DrillResult.TargetResult> targets) {
        DrillResult r = ResultFilesTest.literal();
        return new DrillResult(r.schemaVersion(), r.runId(), r.release(), r.scenario(), r.stack(), r.startedAt(), r.endedAt(), r.wallTimeMs(),
                r.plan(), r.timeline(), targets, r.verdict(), r.exitCode(), r.reason(), r.definitions());
    }

    private static DrillResult.TargetResult target(String checker, Measured measured) {
        return new DrillResult.TargetResult(checker, checker, Demand.words("as demanded"), Verdict.PASS, measured, "because");
    }

    @Test
    void everyKindOfMeasurementValidatesAndReadsBack() {
        DrillResult all = withTargets(List.of(
                target("rto", new Measured.Recovery(null, List.of(new Measured.TransactionDisruption("status", 40_000, null, null)))),
                target("rpo", new Measured.Writes(0, 10, 0, 0, 1, 0)),
                target("error-budget", Measured.Requests.of(3, 300, 3, 30)),
                target("split-brain", new Measured.Primaries(2, false)),
                target("split-brain-sampled", new Measured.Primaries(2, true, 3_000L, List.of("pg-dc1", "pg-dc2"))),
                target("recovered-latency", new Measured.Latency(List.of(new Measured.PhaseLatency("recovered", 10, 1.5, 3.0, 4.25)))),
                target("runbook", new Measured.Runbook("completed", null, 1.2, 10, 4.1)),
                target("steady-state", new Measured.Ratio(0.99)),
                target("unknown", new Measured.Nothing())));
        String json = ResultJson.render(all);

        assertThat(ResultSchema.problems(json)).as("problems of\n%s", json).isEmpty();
        assertThat(ResultJson.parse(json)).as("read back").isEqualTo(all);
    }

    @Test
    void theSchemaRefusesProseWhereNumbersBelongAndUnknownKeysInsideATarget() {
        String json = ResultJson.render(ResultFilesTest.literal());
        assertThat(ResultSchema.problems(json.replaceFirst("\"kind\" : \"recovery\",", "\"kind\" : \"recovery\", \"text\" : \"23.4 s\","))).isNotEmpty();
        assertThat(ResultSchema.problems(json.replace("\"verdict\" : \"PASS\"", "\"verdict\" : \"passed\""))).isNotEmpty();
        assertThat(ResultSchema.problems(json.replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 1"))).isNotEmpty();
        assertThat(ResultSchema.problems(json.replaceFirst("\\{", "{ \"observer\" : { \"lost\" : 0 },")))
                .as("the top level stays open for other writers").isEmpty();
    }

    @Test
    void aVersionOneFileReadsWithItsFiguresAsNumbers() throws Exception {
        DrillResult v1 = ResultJson.read(RunFixtures.source().resolve(RunFixtures.LOST_WRITES).resolve(ResultJson.FILE));

        assertThat(v1.schemaVersion()).isEqualTo(1);
        assertThat(v1.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(v1.target("rto").orElseThrow().measured().inSeconds()).hasValue(11.0);
        assertThat(v1.target("rpo").orElseThrow().measured()).as("from the reconciled line").isEqualTo(new Measured.Writes(0.1, 19, 3, 0, 1, 0));
        assertThat(v1.target("error-budget").orElseThrow().measured().asRatio()).hasValue(0.0987);
        assertThat(v1.target("split-brain").orElseThrow().measured()).isEqualTo(new Measured.Legacy("0 overlaps"));
        assertThat(v1.target("rpo").orElseThrow().target().text()).isEqualTo("0s");
        assertThat(Files.readString(RunFixtures.source().resolve(RunFixtures.LOST_WRITES).resolve(ResultJson.FILE)))
                .as("the fixture stays version 1").contains("\"schemaVersion\": 1");
    }
}
