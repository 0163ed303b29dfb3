package casedrill.report;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.history.HistoryReader;
import casedrill.report.html.AuditorReport;
import casedrill.testing.RunFixtures;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The auditor's report.html rendered from recorded run folders: what an auditor must find in it. */
class AuditorReportTest {
    private static final AuditorReport.Context CONTEXT = new AuditorReport.Context("auditor-test@ci", "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=");

    static String render(String fixture) throws IOException {
        Path folder = RunFixtures.source().resolve(fixture);
        return AuditorReport.render(ResultJson.read(folder.resolve("result.json")), HistoryReader.read(folder.resolve("history.jsonl")), CONTEXT);
    }

    @Test
    void coverStatesSystemScenarioDateOperatorVersionsAndVerdict() throws IOException {
        String html = render(RunFixtures.PASSING);
        assertThat(html).contains("<span class=\"verdict PASS\" id=\"verdict\">PASS</span>")
                .contains("<dt>Run by</dt><dd>auditor-test@ci</dd>")
                .contains("<dt>Date (UTC)</dt><dd>2026-11-23T02:59:30.000Z to 2026-11-23T03:00:45.000Z</dd>")
                .contains("java (harness) 17.0.15, patroni 4.0.7, postgresql 15.18, toxiproxy 2.12.0")
                .contains("PostgreSQL primary crashes under load; Patroni promotes the synchronous standby")
                .contains("sealed with Ed25519 key ");
    }

    @Test
    void isSelfContainedAndAccessible() throws IOException {
        String html = render(RunFixtures.LOST_WRITES);
        assertThat(html).as("no external resources or scripts").doesNotContain("<script", "<link", "src=\"http", "url(http", "@import");
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
        assertThat(html.split("<svg ", -1)).as("five charts").hasSize(6);
        assertThat(html.split("role=\"img\"", -1).length - 1).isEqualTo(5);
        assertThat(html.split("<figcaption>", -1).length - 1).as("every chart has a text equivalent").isEqualTo(5);
        assertThat(html).contains("<th scope=\"col\">measured</th>").contains("@media print");
    }

    @Test
    void definitionsTargetsAndVerdictsAreThere() throws IOException {
        String html = render(RunFixtures.LOST_WRITES);
        assertThat(html).contains("<strong>RTO measured</strong> = T_recovered − T_fault")
                .contains("<strong>Error budget</strong>")
                .contains("<tr><th scope=\"row\">rpo</th><td>0s</td><td>0.10 s, 3 of 19 writes lost</td><td><span class=\"verdict FAIL\">FAIL</span>")
                .contains("<tr><th scope=\"row\">rto</th><td>≤ 20s (recovered = success ≥ 95%)</td><td>11.00 s</td><td><span class=\"verdict PASS\">PASS</span>");
    }

    @Test
    void ledgerListsLostAndInDoubtWritesWithExamples() throws IOException {
        String html = render(RunFixtures.LOST_WRITES);
        assertThat(html).contains("<td>19</td><td>16</td><td>3</td><td>0</td><td>1</td><td>0</td><td>0</td>")
                .contains("<tr><th scope=\"row\">LOST</th><td><code>intake-lost-2</code></td><td>9.660</td><td>9.700</td><td>app-dc1-b</td><td>7301 / timeline 1</td></tr>")
                .contains("<tr><th scope=\"row\">IN_DOUBT_PRESENT</th><td><code>intake-doubt-1</code></td><td>10.100</td><td>12.000 (timeout)</td>");
        assertThat(render(RunFixtures.PASSING)).contains("No write was lost, altered, duplicated or left in doubt.");
    }

    @Test
    void chartsWithoutDataSaySoAndLeaderLanesAppearWhenRecorded() throws IOException {
        String passing = render(RunFixtures.PASSING);
        assertThat(passing).contains("<strong>Replication lag</strong>: no data recorded in this run")
                .contains("<strong>Leader per node</strong>: no data recorded in this run.");
        String lost = render(RunFixtures.LOST_WRITES);
        assertThat(lost).contains("<strong>Leader per node</strong>: pg-dc1 0–17.5 s; pg-dc2 17.5–40 s.")
                .contains("class=\"band-fault\"><title>power-loss site:dc1 (10–30 s)</title>")
                .contains("requests failed between 10 s and 21 s");
    }

    @Test
    void runbookStepsAreTimed() throws IOException {
        String html = render(RunFixtures.RUNBOOK);
        assertThat(html).contains("<tr><th scope=\"row\">2</th><td>promote pg-dc2</td><td>failover/evacuate-dc1.yaml</td><td>10.400</td><td>3.100</td><td>ok</td></tr>")
                .contains("<th scope=\"row\" colspan=\"4\">total</th><td>5.570</td>")
                .contains("class=\"band-runbook\"");
    }

    @Test
    void aRunWithoutHistoryStillRenders() throws IOException {
        Path folder = RunFixtures.source().resolve(RunFixtures.PASSING);
        String html = AuditorReport.render(ResultJson.read(folder.resolve("result.json")), new casedrill.history.History(java.util.List.of()),
                new AuditorReport.Context("x", null));
        assertThat(html).contains("<strong>Throughput</strong>: no data recorded in this run.").contains("data loss is <strong>unknown</strong>")
                .contains("<dt>Evidence</dt><dd>not sealed</dd>");
    }
}
