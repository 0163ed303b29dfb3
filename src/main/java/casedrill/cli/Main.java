package casedrill.cli;

import casedrill.outcome.ExitCode;
import casedrill.toxiproxy.ToxiproxyClients;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the runnable jar: plain picocli, no Spring (Spring starts only in `node app`). */
@Command(
        name = "casedrill",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Disaster-recovery drills for a two-data-centre case-management stack.",
        subcommands = {ValidateCommand.class, PlanCommand.class, RunCommand.class, RecoverCommand.class, GateCommand.class,
                ReportCommand.class, VerifyCommand.class, CheckCommand.class, ProbeCommand.class, StackCommand.class,
                ToxiproxyCommand.class, NodeCommand.class, CatalogueCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        ToxiproxyClients.boundCalls();
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code; never calls System.exit (tests use this). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        // picocli's defaults (1 for exceptions, 2 for usage) would collide with "target missed".
        cli.setExecutionExceptionHandler(new ExceptionToExitCode());
        cli.setExitCodeExceptionMapper(t -> ExitCode.HARNESS_ERROR.code());
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.INVALID_INPUT.code();
        });
        return cli;
    }
}
