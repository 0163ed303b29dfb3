package casedrill.report;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.history.Event;
import casedrill.history.History;
import casedrill.history.HistoryReader;
import casedrill.history.Outcome;
import casedrill.report.html.AuditorReport;
import casedrill.testing.RunFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The auditor's report.html rendered from recorded run folders: what an auditor must find in it. */
class AuditorReportTest {
    static final AuditorReport.Context CONTEXT = new AuditorReport.Context("auditor-test@ci", "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=");

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

    /**
     * A literal history: a dc1 power loss from 10 s to 20 s; status probes fail from 10 s to 13 s, nothing is recorded
     * from 13 s to 16 s, then they succeed; the intake load fails 5 requests a second from 10 s to 13 s.
     */
    @Test
    void chartsMarkFaultAndRecoveryLeaveGapsAndShowFailuresPerTransaction() throws IOException {
        List<Event> events = new ArrayList<>();
        for (long t = 0; t < 40_000; t += 100) {
            if (t < 13_000 || t >= 16_000) {
                boolean failing = t >= 10_000 && t < 13_000;
                events.add(new Event.Probe(t, "status", failing ? Outcome.FAILED : Outcome.OK, failing ? 503 : 200, 5, "app-dc1-a"));
            }
        }
        for (long s = 0; s < 40; s++) {
            if (s < 13 || s >= 16) {
                events.add(new Event.LoadSecond(s * 1000, "intake", Outcome.OK, 20, 4_000, 9_000, 12_000, 15_000, ""));
            }
            if (s >= 10 && s < 13) {
                events.add(new Event.LoadSecond(s * 1000, "intake", Outcome.FAILED, 5, 1_000, 2_000, 2_000, 2_000, ""));
            }
        }
        events.add(new Event.FaultInjected(10_000, "power-loss", "site:dc1"));
        events.add(new Event.FaultHealed(20_000, "power-loss", "site:dc1", null));
        events.sort(java.util.Comparator.comparingLong(Event::offsetMs));
        Path folder = RunFixtures.source().resolve(RunFixtures.PASSING);
        String html = AuditorReport.render(ResultJson.read(folder.resolve("result.json")), new History(events), CONTEXT);

        String throughput = chart(html, "chart-throughput");
        assertThat(throughput).as("T_fault of the disruption").contains("class=\"marker-fault\"")
                .contains("<title>T_fault 10 s: disruption of intake, status</title>");
        assertThat(throughput).as("T_recovered of each transaction").contains("class=\"marker-recovered\"").contains(">T_recovered</text>");
        assertThat(throughput.split("<polyline", -1).length - 1).as("the succeeded line breaks at 13–16 s, where nothing was recorded")
                .isEqualTo(2);
        assertThat(html).contains("no request was recorded in 3 of 40 seconds (gaps in the lines)");
        String errors = chart(html, "chart-errors");
        assertThat(errors).as("a failure line per transaction").contains("<g class=\"series\"><title>intake</title>")
                .contains("<g class=\"series\"><title>status</title>").contains("<g class=\"series\"><title>failed (all)</title>");
        assertThat(html).contains("<tr><th scope=\"row\">intake</th><td>15</td><td>755</td><td>1.99</td></tr>")
                .contains("<tr><th scope=\"row\">status</th><td>30</td><td>370</td><td>8.11</td></tr>")
                .contains("45 failed requests in 3 of 40 seconds (intake 15, status 30).");
    }

    /**
     * Cluster samples every second for 30 s: pg-dc1 leads until 10 s, nobody answers at 10–12 s, pg-dc2 leads from 12 s;
     * pg-dc2 lags 4096 bytes at 5 s, pg-dc1 is a replica with lag 0 from 20 s.
     */
    @Test
    void clusterSamplesDrawLeaderLanesWithGapsAndLagPerMember() throws IOException {
        List<Event> events = new ArrayList<>();
        for (long s = 0; s < 30; s++) {
            Event.ClusterMember dc1;
            Event.ClusterMember dc2;
            String leader;
            if (s < 10) {
                leader = "pg-dc1";
                dc1 = new Event.ClusterMember("pg-dc1", "leader", "running", 1L, null, true, null);
                dc2 = new Event.ClusterMember("pg-dc2", "sync_standby", "streaming", 1L, s == 5 ? 4096L : 0L, false, null);
            } else if (s < 12) {
                leader = null;
                dc1 = new Event.ClusterMember("pg-dc1", null, null, null, null, null, "timeout");
                dc2 = new Event.ClusterMember("pg-dc2", null, null, null, null, null, "timeout");
            } else {
                leader = "pg-dc2";
                dc1 = s < 20 ? new Event.ClusterMember("pg-dc1", null, null, null, null, null, "connection refused")
                        : new Event.ClusterMember("pg-dc1", "replica", "streaming", 2L, 0L, false, null);
                dc2 = new Event.ClusterMember("pg-dc2", "leader", "running", 2L, null, true, null);
            }
            events.add(new Event.ClusterSample(s * 1000, leader, List.of(dc1, dc2)));
        }
        events.add(new Event.DrillEnded(30_000, "completed"));
        Path folder = RunFixtures.source().resolve(RunFixtures.PASSING);
        String html = AuditorReport.render(ResultJson.read(folder.resolve("result.json")), new History(events), CONTEXT);

        assertThat(html).contains("<strong>Leader per node</strong>: pg-dc1 0–10 s; pg-dc2 12–30 s. "
                + "Writable, as each database answered itself: pg-dc1 0–10 s; pg-dc2 12–30 s.");
        String leaders = chart(html, "chart-leader");
        assertThat(leaders.split("class=\"leader\"", -1).length - 1).as("one period per leader, a gap at 10–12 s").isEqualTo(2);
        assertThat(leaders.split("class=\"writable\"", -1).length - 1).as("one writable stripe per member").isEqualTo(2);
        String lag = chart(html, "chart-lag");
        assertThat(lag).contains("<g class=\"series\"><title>pg-dc1</title>").contains("<g class=\"series\"><title>pg-dc2</title>")
                .as("the axis rounds the 4096-byte peak up").contains(">5000</text>");
        assertThat(html).contains("<strong>Replication lag</strong>: pg-dc1 up to 0 bytes; pg-dc2 up to 4096 bytes;")
                .doesNotContain("<strong>Replication lag</strong>: no data recorded");
    }

    private static String chart(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("chart %s in the report", id).isPositive();
        return html.substring(start, html.indexOf("</svg>", start));
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
