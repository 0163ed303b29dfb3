package casedrill.cli;

import casedrill.outcome.ExitCode;
import casedrill.provider.StackProviders;
import casedrill.stack.RunningStack;
import casedrill.stack.StackOptions;
import casedrill.stack.StackProvider;
import casedrill.stack.StackRef;
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
    <T> T find(Function<RunningStack, T> lookup) {
        RunningStack stack = attach();
        try {
            return lookup.apply(stack);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, e.getMessage(), e);
        }
    }

    /** Stacks started by hand ({@code stack up}) run on the default provider. */
    RunningStack attach() {
        StackProvider provider = ProviderOption.byName(StackProviders.DEFAULT);
        try {
            StackRef ref = dir != null ? new StackRef(provider.name(), dir.toString())
                    : provider.current(StackOptions.defaults().withRunRoot(runRoot)).orElseThrow(() -> new IllegalArgumentException(
                    "no current stack: nothing under " + runRoot + " points at a running stack"));
            return provider.attach(ref);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, e.getMessage(), e);
        }
    }
}
