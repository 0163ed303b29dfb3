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

/** Which stack a command acts on: {@code --provider NAME} (default local), {@code --stack LOCATOR}, else the provider's current one. */
final class StackSelection {
    @Option(names = "--stack", paramLabel = "DIR", description = {"The stack: its run directory (local), its id (containers);",
            "default: the current stack."})
    String dir;

    @Option(names = "--provider", paramLabel = "NAME", description = {"Provider running the stack: local (default) or containers",
            "(found by its labels in the Docker engine; the current one is the one started under --run-root)."})
    String provider;

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

    /** Stacks started by hand ({@code stack up}) run on the default provider unless --provider names another. */
    RunningStack attach() {
        StackProvider provider = ProviderOption.byName(this.provider != null ? this.provider : StackProviders.DEFAULT);
        try {
            StackRef ref = dir != null ? new StackRef(provider.name(), dir)
                    : provider.current(StackOptions.defaults().withRunRoot(runRoot)).orElseThrow(() -> new IllegalArgumentException(
                    "no current stack (provider " + provider.name() + "): nothing under " + runRoot + " points at a running stack"));
            return provider.attach(ref);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, e.getMessage(), e);
        }
    }
}
