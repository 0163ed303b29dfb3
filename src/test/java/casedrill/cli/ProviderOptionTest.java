package casedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.outcome.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --provider NAME} and a scenario's {@code stack.provider}: known names run, unknown ones are bad input before anything starts. */
class ProviderOptionTest {
    private static final String SCENARIO = "scenarios/dc1-power-loss.yaml";
    private static final String UNKNOWN = "unknown stack provider 'docker' (known: containers, local, remote).";

    @TempDir
    java.nio.file.Path reports;

    @Test
    void planSaysWhichProviderRunsTheStackAndWhatItDoes() {
        CommandRun run = CommandRun.of("plan", "--provider", "local", SCENARIO);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("provider  local: starts the two-dc stack as local processes on 127.x");
    }

    @Test
    void withoutTheOptionPlanUsesTheScenariosProvider() {
        CommandRun run = CommandRun.of("plan", "src/test/resources/providers/local-provider.yaml");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("provider  local: starts the two-dc stack");
    }

    @Test
    void planRefusesAnUnknownProvider() {
        CommandRun run = CommandRun.of("plan", "--provider", "docker", SCENARIO);
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(run.err()).contains(UNKNOWN).doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void runRefusesAnUnknownProviderBeforeAnythingStarts() {
        CommandRun run = CommandRun.of("run", "--provider", "docker", "--reports", reports.toString(), SCENARIO);
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(run.err()).contains(UNKNOWN);
        assertThat(reports.toFile().list()).as("no run folder").isEmpty();
    }

    @Test
    void stackUpRefusesAnUnknownProvider() {
        CommandRun run = CommandRun.of("stack", "up", "--provider", "docker", "--run-root", reports.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(run.err()).contains(UNKNOWN);
    }

    @Test
    void recoverRefusesAnUnknownProvider() throws java.io.IOException {
        java.nio.file.Files.writeString(reports.resolve("lease.json"), "{\"stackDir\":\"/nonexistent\",\"toxiproxyApi\":\"127.0.0.1:1\",\"faults\":[]}");
        CommandRun run = CommandRun.of("recover", "--provider", "docker", reports.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(run.err()).contains(UNKNOWN);
    }

    @Test
    void gateRefusesAnUnknownProvider() {
        CommandRun run = CommandRun.of("gate", "--provider", "docker", "--reports", reports.toString(), "scenarios/suites/release.yaml");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(run.err()).contains(UNKNOWN);
    }

    @Test
    void commandsThatCannotDriveARemoteDeploymentRefuseAnEnvironmentInsteadOfIgnoringIt() {
        for (CommandRun run : java.util.List.of(
                CommandRun.of("stack", "up", "--environment", "prod.yaml", "--run-root", reports.toString()),
                CommandRun.of("gate", "--confirm-environment", "prod", "--reports", reports.toString(), "scenarios/suites/release.yaml"))) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_INPUT.code());
            assertThat(run.err()).contains("does not take --environment");
        }
    }

    @Test
    void recoverRefusesAnEnvironmentForALeaseOfTheLocalProvider() throws java.io.IOException {
        java.nio.file.Files.writeString(reports.resolve("lease.json"), "{\"stackDir\":\"/nonexistent\",\"toxiproxyApi\":\"127.0.0.1:1\",\"faults\":[]}");
        CommandRun run = CommandRun.of("recover", "--environment", "prod.yaml", reports.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(run.err()).contains("the stack recorded here runs on provider local, not remote");
    }
}
