package casedrill.cli;

import casedrill.outcome.ExitCode;
import casedrill.yaml.InvalidInputException;
import picocli.CommandLine;

/** An exception escaping a command is a harness error (exit 4): one line for the user, no stack trace. */
final class ExceptionToExitCode implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (ex instanceof InvalidInputException invalid) {
            invalid.problems().forEach(p -> cmd.getErr().println(p));
            return ExitCode.INVALID_INPUT.code();
        }
        if (ex instanceof UserFacingException ufe) {
            cmd.getErr().println(ufe.getMessage());
            return ufe.exitCode().code();
        }
        cmd.getErr().println("casedrill: internal error: " + ex);
        if (System.getenv("CASEDRILL_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
        } else {
            cmd.getErr().println("(set CASEDRILL_DEBUG=1 for the stack trace)");
        }
        return ExitCode.HARNESS_ERROR.code();
    }
}
