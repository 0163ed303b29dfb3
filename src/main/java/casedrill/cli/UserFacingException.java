package casedrill.cli;

import casedrill.outcome.ExitCode;

/** A failure whose message is a complete sentence for the user, with the exit code it maps to. */
public class UserFacingException extends RuntimeException {
    private final ExitCode exitCode;

    public UserFacingException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserFacingException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
