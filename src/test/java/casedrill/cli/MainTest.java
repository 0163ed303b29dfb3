package casedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.outcome.ExitCode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void exitCodesAreDistinctAndAsDesigned() {
        assertThat(Arrays.stream(ExitCode.values()).mapToInt(ExitCode::code)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            CommandRun run = CommandRun.of(command, "--help");
            assertThat(run.exitCode()).as("%s --help", command).isZero();
            assertThat(run.out()).as("%s --help", command).contains("Usage:");
        }
    }

    @Test
    void versionIsPrinted() {
        CommandRun run = CommandRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("casedrill ");
    }

    @Test
    void unknownCommandOrOptionIsInvalidInput() {
        assertThat(CommandRun.of("explode").exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(CommandRun.of("validate", "--frobnicate", "x.yaml").exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(CommandRun.of().err()).contains("a command is required");
    }

    @Test
    void missingFileIsInvalidInputNotACrash() {
        CommandRun run = CommandRun.of("validate", "scenarios/no-such-drill.yaml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("scenarios/no-such-drill.yaml:1:1: file not found");
    }
}
