package casedrill.cli;

import picocli.CommandLine.Command;

/** {@code stack up | status | down}: the local two-DC stack as detached processes. */
@Command(name = "stack", mixinStandardHelpOptions = true,
        description = {"Bring the local stack up, show it, take it down.",
                "Every node is a detached process on its own loopback address; the stack's run directory",
                "(/var/tmp/casedrill/<id>, with every process's log and state.json) outlives the command.",
                "/var/tmp/casedrill/current points at the stack last brought up."},
        subcommands = {StackUpCommand.class, StackStatusCommand.class, StackDownCommand.class, StackNodeCommand.class,
                StackSiteCommand.class, StackPartitionCommand.class, StackHealPartitionsCommand.class})
public final class StackCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: up, status, down, node, site, partition or heal-partitions");
    }
}
