package casedrill.gate;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.cli.Main;
import casedrill.testing.RunFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gate --recorded}: the whole command, on recorded run folders, without running drills. */
class GateCommandTest {
    @TempDir
    Path reports;

    Path suite(String... scenarioAndExpect) throws IOException {
        StringBuilder yaml = new StringBuilder("suite: release\ntitle: test\ntolerance: {rto: 5s}\nscenarios:\n");
        for (int i = 0; i < scenarioAndExpect.length; i += 2) {
            yaml.append("  - scenario: ").append(Path.of("scenarios", scenarioAndExpect[i] + ".yaml").toAbsolutePath())
                    .append("\n    expect: ").append(scenarioAndExpect[i + 1]).append('\n');
        }
        return Files.writeString(Files.createTempFile(reports, "suite", ".yaml"), yaml.toString());
    }

    int gate(Path suite, Path recorded, String... more) {
        String[] args = new String[5 + more.length];
        args[0] = "gate";
        args[1] = suite.toString();
        args[2] = "--recorded=" + recorded;
        args[3] = "--reports";
        args[4] = reports.toString();
        System.arraycopy(more, 0, args, 5, more.length);
        return Main.execute(args);
    }

    @Test
    void exitCodesOnPassingFailingAndRegressedSuites() throws IOException {
        Path recorded = reports.resolve("recorded");
        RunFixtures.copy(recorded, RunFixtures.PASSING, RunFixtures.LOST_WRITES);
        Path passing = suite("pg-primary-crash", "PASS");
        assertThat(gate(passing, recorded, "--tag", "v1")).as("passing suite").isZero();
        assertThat(Files.readString(reports.resolve("tags/v1"))).startsWith("../gate/release/");

        assertThat(gate(suite("pg-primary-crash", "PASS", "dc1-power-loss", "PASS"), recorded)).as("failing suite").isEqualTo(1);

        Path later = RunFixtures.copy(reports.resolve("later"), RunFixtures.PASSING).get(0);
        Path result = later.resolve("result.json");
        Files.writeString(result, Files.readString(result).replace("\"4.20 s\"", "\"14.20 s\""));
        assertThat(gate(passing, reports.resolve("later"))).as("no baseline: 14.2 s is within the 30 s target").isZero();
        assertThat(gate(passing, reports.resolve("later"), "--baseline", "v1")).as("regressed against tag v1").isEqualTo(1);
        assertThat(gate(passing, reports.resolve("later"), "--baseline", recorded.resolve(RunFixtures.PASSING).toString()))
                .as("regressed against a run folder").isEqualTo(1);
    }

    @Test
    void outputsAreWrittenAndBadInputIsExitTwo() throws IOException {
        Path recorded = reports.resolve("recorded");
        RunFixtures.copy(recorded, RunFixtures.PASSING);
        assertThat(gate(suite("pg-primary-crash", "PASS", "dc1-evacuation", "PASS"), recorded)).as("one scenario has no run").isEqualTo(3);
        Path gateFolder;
        try (var s = Files.list(reports.resolve("gate/release"))) {
            gateFolder = s.findFirst().orElseThrow();
        }
        assertThat(gateFolder.resolve("junit.xml")).content().contains("no result: the scenario did not run");
        assertThat(gateFolder.resolve("summary.md")).content().contains("**UNKNOWN** (exit 3)");

        assertThat(gate(Path.of("src/test/resources/suites/invalid-missing-scenario.yaml"), recorded)).isEqualTo(2);
        assertThat(gate(suite("pg-primary-crash", "PASS"), recorded, "--baseline", "no-such-tag")).isEqualTo(2);
    }
}
