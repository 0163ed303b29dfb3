package casedrill.cli;

import casedrill.drill.StackPool;
import casedrill.outcome.ExitCode;
import casedrill.stack.RunningStack;
import casedrill.stack.StillRunning;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Stops every process of a stack by PID and removes its run directory. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop every process the stack started (by recorded PID and start time) and remove its data.")
public final class StackDownCommand implements Callable<Integer> {
    @Mixin
    StackSelection selection;

    @Option(names = "--keep", description = "Stop gracefully and keep the run directory (data and logs).")
    boolean keep;

    @Option(names = "--reusable", description = "Take down every stack kept for 'run --reuse' under --run-root instead (and forget them).")
    boolean reusable;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (reusable) {
            List<String> down = StackPool.downKept(selection.runRoot, new java.io.PrintStream(System.out, true));
            spec.commandLine().getOut().println(down.isEmpty() ? "no kept stack was running" : "kept stacks down: " + String.join(", ", down));
            return ExitCode.OK.code();
        }
        RunningStack stack = selection.attach();
        List<StillRunning> survivors = stack.down(keep);
        if (!survivors.isEmpty()) {
            throw new UserFacingException(ExitCode.HARNESS_ERROR, "stack " + stack.id() + " is not fully down: "
                    + survivors + " still running");
        }
        spec.commandLine().getOut().printf("stack %s down%s%n", stack.id(),
                keep ? "; its data and logs are kept at " + stack.ref().locator() : "");
        return ExitCode.OK.code();
    }
}
