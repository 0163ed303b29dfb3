package casedrill.cli;

import casedrill.environment.Confirmation;
import casedrill.environment.Environment;
import casedrill.environment.EnvironmentLoader;
import casedrill.environment.ScenarioFit;
import casedrill.outcome.ExitCode;
import casedrill.provider.StackProviders;
import casedrill.scenario.Scenario;
import casedrill.stack.StackProvider;
import casedrill.stack.StackRef;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --provider NAME}: which stack provider runs the stack; it overrides a scenario's {@code stack.provider}. */
final class ProviderOption {
    @Option(names = "--provider", paramLabel = "NAME",
            description = "Stack provider that runs the stack (known: local, remote, containers; default: the scenario's, else local).")
    String name;

    @Option(names = "--environment", paramLabel = "FILE",
            description = "Environment file describing the deployment (needed by --provider remote).")
    Path environment;

    @Option(names = "--confirm-environment", paramLabel = "NAME",
            description = "The environment's name, typed: needed before a drill acts on hosts beyond this machine.")
    String confirmEnvironment;

    /** The environment file checked against the scenario, for the remote provider; bad input (exit 2) otherwise. */
    Environment environmentFor(StackProvider provider, Scenario scenario) {
        if (environment == null) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "provider " + provider.name()
                    + " drills an existing deployment; name it with --environment FILE.");
        }
        Environment env = EnvironmentLoader.load(environment);
        ScenarioFit.check(scenario, env);
        return env;
    }

    /** Refuses (exit 2, nothing started) a non-loopback environment the operator has not confirmed by name. */
    void confirm(Environment env) {
        try {
            Confirmation.require(env, confirmEnvironment);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, e.getMessage() + ".", e);
        }
    }

    /**
     * The stack a command acts on, given the one recorded (a lease's): with --environment, the remote deployment that
     * file describes, validated and confirmed like a drill's; bad input (exit 2) when the recorded stack is not remote.
     */
    StackRef environmentOr(StackRef recorded) {
        if (environment == null) {
            if (confirmEnvironment != null) {
                throw new UserFacingException(ExitCode.INVALID_INPUT, "--confirm-environment needs --environment FILE.");
            }
            return recorded;
        }
        if (!recorded.provider().equals(RunCommand.REMOTE)) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "--environment " + environment + ": the stack recorded here runs on provider "
                    + recorded.provider() + ", not remote.");
        }
        Environment env = EnvironmentLoader.load(environment);
        confirm(env);
        return new StackRef(RunCommand.REMOTE, env.source().toAbsolutePath().toString());
    }

    /**
     * Refuses (exit 2) --environment and --confirm-environment on a command that cannot use them yet, rather than
     * silently acting on the local stack instead of the deployment the operator named.
     */
    void refuseEnvironment(String command) {
        if (environment != null || confirmEnvironment != null) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "'" + command + "' does not take --environment: run, plan, gate"
                    + " (with --provider remote), recover and stack status drive or read a remote deployment ("
                    + (environment != null ? environment : confirmEnvironment) + ").");
        }
    }

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
