package casedrill.cli;

import casedrill.outcome.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Site faults by hand. */
@Command(name = "site", mixinStandardHelpOptions = true,
        description = "power-loss: hard crash of every node of a site at the same instant.")
public final class StackSiteCommand implements Callable<Integer> {
    @Mixin
    StackSelection selection;

    @Parameters(index = "0", paramLabel = "SITE", description = "Site name from the topology, e.g. dc1.")
    String site;

    @Parameters(index = "1", paramLabel = "ACTION", description = "power-loss")
    String action;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!action.equals("power-loss")) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "unknown site action '" + action + "' (known: power-loss)");
        }
        long crashed = selection.find(stack -> {
            stack.powerLoss(site);
            return stack.nodes().stream().filter(n -> n.site().equals(site)).count();
        });
        spec.commandLine().getOut().printf("%s: power lost (%d nodes crashed)%n", site, crashed);
        return ExitCode.OK.code();
    }
}
