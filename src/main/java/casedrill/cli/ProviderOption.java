package casedrill.cli;

import casedrill.outcome.ExitCode;
import casedrill.provider.StackProviders;
import casedrill.stack.StackProvider;
import picocli.CommandLine.Option;

/** {@code --provider NAME}: which stack provider runs the stack; it overrides a scenario's {@code stack.provider}. */
final class ProviderOption {
    @Option(names = "--provider", paramLabel = "NAME",
            description = "Stack provider that runs the stack (known: local; default: the scenario's, else local).")
    String name;

    /** The named provider, or {@code fallback}'s when no --provider was given; an unknown name is bad input (exit 2). */
    StackProvider resolve(String fallback) {
        return byName(name != null ? name : fallback);
    }

    /** The provider of this name; an unknown name is bad input (exit 2). */
    static StackProvider byName(String name) {
        try {
            return StackProviders.byName(name);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, e.getMessage() + ".", e);
        }
    }
}
