package casedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.outcome.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The stack commands' answers to wrong input, without starting anything. */
class StackCommandTest {
    @TempDir
    Path runRoot;

    @Test
    void statusOfAMissingStackIsInvalidInputNamingTheDirectory() {
        Path missing = runRoot.resolve("two-dc-nope");
        StringWriter err = new StringWriter();
        int code = run(err, "stack", "status", "--stack", missing.toString());
        assertThat(code).as("exit code").isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(err.toString()).as("error output").contains(missing.toString());
    }

    @Test
    void downWithoutACurrentStackSaysSo() {
        StringWriter err = new StringWriter();
        int code = run(err, "stack", "down", "--run-root", runRoot.toString());
        assertThat(code).as("exit code").isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(err.toString()).as("error output").contains("no current stack").contains(runRoot.toString());
    }

    @Test
    void unknownSiteActionIsRefused() {
        StringWriter err = new StringWriter();
        int code = run(err, "stack", "site", "dc1", "flood", "--run-root", runRoot.toString());
        assertThat(code).as("exit code").isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(err.toString()).as("error output").contains("'flood'").contains("power-loss");
    }

    private static int run(StringWriter err, String... args) {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }
}
