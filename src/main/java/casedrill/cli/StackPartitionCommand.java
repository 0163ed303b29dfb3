package casedrill.cli;

import casedrill.outcome.ExitCode;
import casedrill.stack.Partition;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Partitions by hand: {@code stack partition dc1 dc2} (wan) or {@code stack partition dc1} (site-links). */
@Command(name = "partition", mixinStandardHelpOptions = true,
        description = {"Cut two sites apart (both directions, every protocol), or one site from all others.",
                "Exact with iptables rules in the stack's own chain (root); otherwise the link proxies are",
                "disabled and the partition is approximate. Lasts until 'stack heal-partitions' or 'stack down'."})
public final class StackPartitionCommand implements Callable<Integer> {
    @Mixin
    StackSelection selection;

    @Parameters(index = "0", paramLabel = "SITE", description = "Site to cut off, e.g. dc1.")
    String site;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OTHER", description = "The other site (default: every other site).")
    String other;

    @Option(names = "--mode", defaultValue = "drop", description = "drop (connections stall) or reject (TCP resets); default ${DEFAULT-VALUE}.")
    String mode;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Partition.Mode how;
        try {
            how = Partition.Mode.of(mode);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "--mode: " + e.getMessage(), e);
        }
        Partition cut = selection.find(stack -> other == null ? stack.isolate(site, how) : stack.partition(site, other, how));
        spec.commandLine().getOut().printf("partitioned %s (%s, %s): %s%n", String.join(", ", cut.sides().stream()
                .map(Partition.SitePair::toString).toList()), mode, cut.exact() ? "exact" : "approximate", cut.detail());
        return ExitCode.OK.code();
    }
}
