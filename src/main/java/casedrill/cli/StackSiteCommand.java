package casedrill.cli;

import casedrill.outcome.ExitCode;
import casedrill.stack.StackSite;
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
        StackSite target = selection.find(stack -> stack.site(site));
        target.powerLoss();
        spec.commandLine().getOut().printf("%s: power lost (%d nodes crashed)%n", site, target.nodes().size());
        return ExitCode.OK.code();
    }
}
