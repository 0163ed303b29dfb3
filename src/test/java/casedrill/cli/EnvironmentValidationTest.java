package casedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.outcome.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Environment files through {@code validate}: the examples pass, every file under invalid/environment/ is refused
 * with exit 2 and exactly its .expected messages, and scenarios are checked against forbid and maxBlastRadius.
 */
class EnvironmentValidationTest {
    static final Path CORPUS = Path.of("src/test/resources/invalid/environment");

    static Stream<Path> corpus() throws IOException {
        return Files.list(CORPUS).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @Test
    void theReadmeExampleAndTheLoopbackEnvironmentAreValid() {
        CommandRun run = CommandRun.of("validate", "scenarios/environment/staging-two-dc.yaml",
                "src/test/resources/environments/loopback-two-dc.yaml");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("environment staging-two-dc: topology two-dc, 12 nodes on 16 hosts, 15 link proxies");
    }

    @Test
    void theReadmeShowsTheExampleEnvironmentFileAsItIs() throws IOException {
        assertThat(Files.readString(Path.of("README.md")))
                .contains("```yaml\n" + Files.readString(Path.of("scenarios/environment/staging-two-dc.yaml")) + "```");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusedWithTheExpectedMessages(Path file) throws IOException {
        String expected = Files.readString(Path.of(file.toString().replaceAll("\\.yaml$", ".expected")));

        CommandRun run = CommandRun.of("validate", file.toString());

        assertThat(run.exitCode()).as("exit code for %s", file).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(run.err()).as("messages for %s", file).isEqualTo(expected);
        assertThat(run.err()).doesNotContain("\tat ", "Exception", "hunter2");
    }

    @Test
    void aScenarioUsingAForbiddenActionOrExceedingTheBlastRadiusIsRefused() {
        CommandRun run = CommandRun.of("validate", "scenarios/dc1-power-loss.yaml",
                "--environment", "src/test/resources/environments/no-power-loss.yaml");

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(run.err()).isEqualTo("""
                scenarios/dc1-power-loss.yaml:%1$d:%2$d: fault 'dc1-down' uses 'power-loss', which environment no-power-loss forbids
                scenarios/dc1-power-loss.yaml:%1$d:%3$d: fault 'dc1-down' (power-loss site:dc1) hits 5 nodes, more than environment no-power-loss's maxBlastRadius.nodes 2
                """.formatted(line("scenarios/dc1-power-loss.yaml", "action: power-loss"),
                col("scenarios/dc1-power-loss.yaml", "power-loss,"), col("scenarios/dc1-power-loss.yaml", "site:dc1")));
    }

    @Test
    void aOneProcessKillTheEnvironmentHasNoCommandForIsRefused() {
        CommandRun run = CommandRun.of("validate", "scenarios/patroni-crash-leader.yaml",
                "--environment", "src/test/resources/environments/loopback-two-dc.yaml");

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(run.err()).isEqualTo("""
                scenarios/patroni-crash-leader.yaml:%d:%d: fault 'patroni-dc1-crash' crashes only patroni on pg-dc1, but environment \
                loopback-two-dc gives no kill-patroni command for it (there is no systemd default; see docs/providers.md)
                """.formatted(line("scenarios/patroni-crash-leader.yaml", "    with: { only: patroni }"),
                col("scenarios/patroni-crash-leader.yaml", "    with: { only: patroni }") + "    with: { only: ".length()));
    }

    @Test
    void aScenarioWithinTheLimitsPasses() {
        CommandRun run = CommandRun.of("validate", "scenarios/wan-cut-witness-reachable.yaml",
                "--environment", "src/test/resources/environments/no-power-loss.yaml");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    private static int line(String file, String text) {
        try {
            var lines = Files.readAllLines(Path.of(file));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(text + " not in " + file);
    }

    private static int col(String file, String text) {
        try {
            return Files.readAllLines(Path.of(file)).get(line(file, text) - 1).indexOf(text) + 1;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
