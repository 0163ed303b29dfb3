package casedrill.cli;

import casedrill.outcome.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Heals every partition of a stack: its iptables chain is emptied and every link proxy enabled. */
@Command(name = "heal-partitions", mixinStandardHelpOptions = true,
        description = "Heal every partition of the stack (its own iptables chain is emptied, link proxies enabled).")
public final class StackHealPartitionsCommand implements Callable<Integer> {
    @Mixin
    StackSelection selection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var stack = selection.attach();
        stack.healPartitions();
        spec.commandLine().getOut().printf("healed: %d partition rules left%n", stack.activePartitionRules());
        return ExitCode.OK.code();
    }
}
