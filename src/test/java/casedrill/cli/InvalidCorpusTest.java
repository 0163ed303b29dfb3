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
 * Every file under src/test/resources/invalid/ must be refused with exit 2 and exactly the
 * messages in its .expected twin: one sentence per problem, file:line:column first, no stack trace.
 */
class InvalidCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/invalid");

    static Stream<Path> corpus() throws IOException {
        return Files.list(CORPUS).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @Test
    void corpusCoversAtLeastThirtyKindsOfBadInput() throws IOException {
        assertThat(corpus().count()).as("invalid fixtures").isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusedWithTheExpectedMessages(Path file) throws IOException {
        Path expectedFile = Path.of(file.toString().replaceAll("\\.yaml$", ".expected"));
        String expected = Files.readString(expectedFile);

        CommandRun run = CommandRun.of("validate", file.toString());

        assertThat(run.exitCode()).as("exit code for %s", file).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(run.err()).as("messages for %s", file).isEqualTo(expected);
        assertThat(run.err()).as("no stack trace").doesNotContain("\tat ", "Exception");
        for (String line : run.err().lines().toList()) {
            assertThat(line).as("each problem names file:line:column").matches("^src/test/resources/invalid/[a-z0-9/-]+\\.yaml:\\d+:\\d+: .+");
        }
    }
}
