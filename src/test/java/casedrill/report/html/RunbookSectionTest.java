package casedrill.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.history.Event;
import casedrill.history.History;
import casedrill.report.DrillResult;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunbookSectionTest {
    @Test
    void showsTheSplitTheFailedStepAndEachStepsOutput() {
        History h = History.of(
                new Event.RunbookStarted(40_000, "dc1-evacuation", 2),
                new Event.RunbookStep(40_000, "dc1-evacuation", "lost WAL stream", "ok", 1_200, "detect", "pg-dc2: 0 (after 3 attempts)"),
                new Event.RunbookStep(41_200, "dc1-evacuation", "fail over", "failed", 300, "act", "POST /failover -> 503 <no leader>"),
                new Event.RunbookEnded(41_500, "dc1-evacuation", "failed", "fail over", "POST /failover -> 503"));
        var target = new DrillResult.TargetResult("runbook", "runbook", casedrill.check.Demand.words("every step succeeds"),
                casedrill.check.Verdict.FAIL, new casedrill.check.Measured.Runbook("failed", "fail over", 1.2, 0, null),
                "runbook dc1-evacuation stopped at step 'fail over'");

        String html = RunbookSection.render(h, "runbook dc1-evacuation.yaml", Optional.of(target));

        assertThat(html).contains("Runbook target: <strong>FAIL</strong>")
                .contains("Runbook dc1-evacuation failed at step <strong>fail over</strong>: POST /failover -&gt; 503")
                .contains("<li>fail over (act, failed)<pre>POST /failover -&gt; 503 &lt;no leader&gt;</pre></li>");
    }
}
