package casedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.testing.RunFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report}, {@code verify} and {@code report --index} as a user runs them. */
class EvidenceCommandsTest {
    @TempDir
    Path reports;
    @TempDir
    Path keys;

    @Test
    void reportSealsAndVerifyNamesTheChangedFileAndTheRemovedRun() throws IOException {
        List<Path> runs = RunFixtures.copy(reports, RunFixtures.PASSING, RunFixtures.LOST_WRITES, RunFixtures.RUNBOOK);
        String key = keys.resolve("signing-key").toString();
        for (Path run : runs) {
            CommandRun sealed = CommandRun.of("report", run.toString(), "--key", key);
            assertThat(sealed.exitCode()).as(sealed.err()).isZero();
            assertThat(sealed.out()).contains("sealed: ");
        }
        assertThat(CommandRun.of("report", runs.get(0).toString(), "--key", key).exitCode()).as("sealed folders are not rewritten").isEqualTo(2);
        String publicKey = Files.readAllLines(Path.of(key)).get(1).substring("public ".length());
        assertThat(runs.get(0).resolve("report.html")).content().contains(publicKey);

        CommandRun intact = CommandRun.of("verify", reports.toString(), "--public-key", key);
        assertThat(intact.exitCode()).as(intact.out() + intact.err()).isZero();
        assertThat(intact.out()).contains("3 run(s) checked").contains("evidence intact").contains("(pinned)");

        Path report = runs.get(2).resolve("report.html");
        byte[] bytes = Files.readAllBytes(report);
        bytes[100] = (byte) (bytes[100] == 'a' ? 'b' : 'a');
        Files.write(report, bytes);
        CommandRun changed = CommandRun.of("verify", reports.toString());
        assertThat(changed.exitCode()).isEqualTo(1);
        assertThat(changed.out()).contains("ALTERED " + RunFixtures.RUNBOOK + "/report.html: changed since the run was sealed");
        assertThat(CommandRun.of("verify", runs.get(2).toString()).exitCode()).as("verify of the run folder").isEqualTo(1);
        assertThat(CommandRun.of("verify", runs.get(0).toString()).exitCode()).as("an untouched run").isZero();

        try (var walk = Files.walk(runs.get(0))) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(CommandRun.of("verify", reports.toString()).out())
                .contains("ALTERED " + RunFixtures.PASSING + ": was removed: ledger line 1 records it but the folder is gone");
        assertThat(CommandRun.of("verify", reports.resolve("nope").toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void indexListsEveryRunByScenarioWithLinks() throws IOException {
        RunFixtures.copy(reports, RunFixtures.PASSING, RunFixtures.LOST_WRITES, RunFixtures.RUNBOOK);
        Path second = RunFixtures.copy(reports.resolve("x"), RunFixtures.PASSING).get(0);
        Path later = reports.resolve("pg-primary-crash/20261123-060000-beef");
        Files.move(second, later);
        Path result = later.resolve("result.json");
        Files.writeString(result, Files.readString(result).replace("\"4.20 s\"", "\"7.80 s\"").replace("20261123-030000-a1b2", "20261123-060000-beef"));

        CommandRun run = CommandRun.of("report", "--index", reports.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(reports.resolve("index.html"));
        assertThat(html).contains("4 runs of 3 scenarios")
                .contains("<a href=\"pg-primary-crash/20261123-060000-beef/report.html\">20261123-060000-beef</a>")
                .contains("<td>7.80 s (PASS)</td>")
                .contains("aria-labelledby=\"rto-pg-primary-crash-t rto-pg-primary-crash-d\"")
                .contains("<a href=\"dc1-power-loss/20261123-031500-c3d4/report.html\">")
                .doesNotContain("<script");
        assertThat(html.indexOf(">20261123-060000-beef<")).as("newest first").isPositive().isLessThan(html.indexOf(">20261123-030000-a1b2<"));
    }
}
