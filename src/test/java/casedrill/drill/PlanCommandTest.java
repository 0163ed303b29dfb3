package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.cli.CommandRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PlanCommandTest {
    @Test
    void textPlanOfDc1PowerLossShowsPhasesNodesTargetsAndAbort() {
        CommandRun run = CommandRun.of("plan", "scenarios/dc1-power-loss.yaml");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Drill dc1-power-loss: Primary data centre loses power under business load")
                .contains("0s–10s    load starts: CaseWorkload ramps up to 40/s")
                .contains("10s–30s   steady-state check under load: success ≥ 99.5%, p95 ≤ 300ms")
                .contains("40s       dc1-down: power-loss site:dc1 (stays until healed)")
                .contains("nodes: etcd-dc1, pg-dc1, db-router-dc1, app-dc1-a, app-dc1-b")
                .contains("RTO ≤ 45s per disruption, per transaction")
                .contains("RPO 0s: no acknowledged write may be lost")
                .contains("errorRate > 90% for 60s");
    }

    @Test
    void jsonPlanCarriesTheSameTimeline() {
        CommandRun run = CommandRun.of("plan", "--json", "scenarios/dc1-power-loss.yaml");
        assertThat(run.exitCode()).isZero();
        JsonNode plan = JsonMapper.shared().readTree(run.out());
        assertThat(plan.get("scenario").asString()).isEqualTo("dc1-power-loss");
        JsonNode fault = plan.get("timeline").valueStream().filter(s -> s.get("phase").asString().equals("fault")).findFirst().orElseThrow();
        assertThat(fault.get("atMs").asLong()).isEqualTo(40_000);
        assertThat(fault.get("nodes")).hasSize(5);
        assertThat(plan.at("/load/expectedRequests").asLong()).isEqualTo(5800);
    }

    @Test
    void planOfAnInvalidScenarioExitsTwoWithTheProblem() {
        CommandRun run = CommandRun.of("plan", "src/test/resources/invalid/unknown-site.yaml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("src/test/resources/invalid/unknown-site.yaml:7:44: unknown site 'dc3'");
        assertThat(run.out()).isEmpty();
    }
}
