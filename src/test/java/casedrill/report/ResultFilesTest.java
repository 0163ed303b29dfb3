package casedrill.report;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.check.Demand;
import casedrill.check.Measured;
import casedrill.check.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The result writers on a literal result: one passed, one missed and one inconclusive target. */
class ResultFilesTest {
    @TempDir
    Path run;

    static DrillResult literal() {
        return new DrillResult(DrillResult.SCHEMA_VERSION, "20261123-040000-ab12", "2.4.1",
                new DrillResult.Scenario("dc1-power-loss", "Primary <data centre> loses power", "scenarios/dc1-power-loss.yaml",
                        "abc123", 150_000),
                new DrillResult.Stack("two-dc-x", "two-dc", "synchronous replication, Patroni 4", "automatic",
                        Map.of("patroni", "4.0.4", "postgresql", "15.14"), null, null, null, "containers",
                        Map.of("casedrill/postgres:0b373afb0b0b", "sha256:efa3fe69f603")),
                "2026-11-23T04:00:00Z", "2026-11-23T04:03:30Z", 210_000,
                List.of(new PlanStep(40_000, null, "fault", "dc1-down: power-loss site:dc1", List.of("pg-dc1"), List.of(), null)),
                List.of(new DrillResult.TimelineEntry(40_012, "2026-11-23T04:01:10.012Z", "fault_injected", "power-loss dc1-down site:dc1")),
                List.of(new DrillResult.TargetResult("rto", "rto", Demand.seconds("≤ 45s", 45, 0.95), Verdict.PASS,
                                new Measured.Recovery(23.4, List.of(new Measured.TransactionDisruption("status", 40_012, 63_412L, 23_400L),
                                        new Measured.TransactionDisruption("intake", 40_012, 61_012L, 21_000L))), "recovered at 63.4 s"),
                        new DrillResult.TargetResult("rpo", "rpo", Demand.seconds("0s", 0, null), Verdict.FAIL,
                                new Measured.Writes(0.4, 120, 2, 0, 1, 0), "2 acknowledged writes \"lost\" & gone"),
                        new DrillResult.TargetResult("split-brain", "split-brain", Demand.count("forbidden", 0), Verdict.UNKNOWN, null,
                                "no leader observed")),
                Verdict.FAIL, 1, "a target was missed: rpo", "# Definitions\n");
    }

    @Test
    void resultJsonRoundTripsAndNamesTheSchemaVersion() throws Exception {
        ResultFiles.write(run, literal());
        String json = Files.readString(run.resolve(ResultJson.FILE));
        assertThat(json).as("result.json").contains("\"schemaVersion\" : 2").contains("\"sha256\" : \"abc123\"");
        assertThat(ResultJson.read(run.resolve(ResultJson.FILE))).as("read back").isEqualTo(literal());
    }

    @Test
    void junitXmlHasOneTestCasePerTargetWithMeasuredVsTargetOnFailures() throws Exception {
        ResultFiles.write(run, literal());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(run.resolve(JunitXml.FILE))));
        Element suite = xml.getDocumentElement();
        assertThat(suite.getAttribute("tests")).as("tests").isEqualTo("3");
        assertThat(suite.getAttribute("failures")).as("failures").isEqualTo("1");
        assertThat(suite.getAttribute("errors")).as("errors").isEqualTo("1");
        NodeList failures = xml.getElementsByTagName("failure");
        assertThat(((Element) failures.item(0)).getAttribute("message")).as("failure message")
                .isEqualTo("measured 0.40 s, 2 of 120 writes lost, target 0s");
        assertThat(failures.item(0).getTextContent()).as("failure text keeps quotes and ampersands")
                .contains("\"lost\" & gone");
    }

    @Test
    void summaryAndHtmlShowTheVerdictTable() throws Exception {
        ResultFiles.write(run, literal());
        String md = Files.readString(run.resolve(SummaryMarkdown.FILE), StandardCharsets.UTF_8);
        assertThat(md).as("summary.md").startsWith("# Drill dc1-power-loss: FAIL")
                .contains("| rpo | 0s | 0.40 s, 2 of 120 writes lost | FAIL |").contains("| 40.0 s | fault_injected: power-loss dc1-down site:dc1 |");
        String html = Files.readString(run.resolve(ReportHtml.FILE));
        assertThat(html).as("report.html").contains("<tr class=\"FAIL\"><td>rpo</td>")
                .contains("Primary &lt;data centre&gt; loses power").doesNotContain("<data centre>");
    }

    @Test
    void theAuditorsReportSaysWhereTheStackRan() {
        String html = casedrill.report.html.AuditorReport.render(literal(), new casedrill.history.History(List.of()),
                AuditorReportTest.CONTEXT);
        assertThat(html).contains("Stack ran on").contains("containers provider, 1 image: casedrill/postgres:0b373afb0b0b sha256:efa3fe69f603");
    }

    static ObserverResult agreeingObserver() {
        return new ObserverResult("observer-20261123-040000-ab12", 20, 10, 1_000, 7_480, 6_210, 1_262, 8, 1_100,
                List.of(new ObserverResult.Comparison(40_012, 23_400L, 63_552L, 23_540L, 140L, true)), 140L, true, "pg-dc2", 0,
                List.of(), 2, true, null);
    }

    @Test
    void theObserversFiguresGoIntoResultJsonAndBesideTheVerdictInTheSummary() throws Exception {
        DrillResult r = literal();
        DrillResult observed = new DrillResult(r.schemaVersion(), r.runId(), r.release(), r.scenario(), r.stack(), r.startedAt(), r.endedAt(),
                r.wallTimeMs(), r.plan(), r.timeline(), r.targets(), r.verdict(), r.exitCode(), r.reason(), r.definitions(), agreeingObserver());
        ResultFiles.write(run, observed);

        assertThat(Files.readString(run.resolve(ResultJson.FILE))).as("result.json").contains("\"observer\" : {")
                .contains("\"agreementMs\" : 140").contains("\"observerOutageMs\" : 23540");
        assertThat(ResultJson.read(run.resolve(ResultJson.FILE))).as("read back").isEqualTo(observed);
        assertThat(Files.readString(run.resolve(SummaryMarkdown.FILE))).as("summary.md")
                .contains("- cross-checked by an independent observer: agreement 0.14 s (tolerance 1.10 s); its outage 23.54 s vs drill RTO 23.40 s;"
                        + " 6,210 acknowledged writes, 0 lost\n");
    }
}
