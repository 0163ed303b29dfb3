package casedrill.cli;

import casedrill.outcome.ExitCode;
import casedrill.stack.Stack;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** Which stack a command acts on: {@code --stack DIR}, else the current one. */
final class StackSelection {
    @Option(names = "--stack", paramLabel = "DIR", description = "Run directory of the stack (default: the current stack).")
    Path dir;

    @Option(names = "--run-root", paramLabel = "DIR", defaultValue = "/var/tmp/casedrill",
            description = "Where the 'current' pointer lives (default: ${DEFAULT-VALUE}).")
    Path runRoot;

    /** Looks something up in the attached stack; an unknown name is the user's mistake (exit 2). */
    <T> T find(Function<Stack, T> lookup) {
        Stack stack = attach();
        try {
            return lookup.apply(stack);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, e.getMessage(), e);
        }
    }

    Stack attach() {
        try {
            return dir != null ? Stack.attach(dir) : Stack.attachCurrent(runRoot);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, e.getMessage(), e);
        }
    }
}
