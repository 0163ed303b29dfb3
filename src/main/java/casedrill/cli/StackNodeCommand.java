package casedrill.cli;

import casedrill.outcome.ExitCode;
import casedrill.stack.DatabaseProcess;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Node faults by hand: the same control the drill runner uses. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Crash, stop, freeze, thaw or restart one node of a running stack.",
                "kill = hard crash (PostgreSQL: postmaster and every backend frozen, then SIGKILLed);",
                "kill --only patroni|postgres = crash one process of a postgres node (Patroni alone leaves its PostgreSQL running);",
                "stop = graceful; pause/resume = SIGSTOP/SIGCONT of the node's process tree;",
                "restart = stop if running, start again, wait until ready; start = start a crashed or stopped node."})
public final class StackNodeCommand implements Callable<Integer> {
    enum Action { kill, stop, pause, resume, restart, start }

    @Mixin
    StackSelection selection;

    @Parameters(index = "0", paramLabel = "NODE", description = "Node name from the topology, e.g. pg-dc1.")
    String node;

    @Parameters(index = "1", paramLabel = "ACTION", description = "One of: ${COMPLETION-CANDIDATES}.")
    Action action;

    @Option(names = "--only", paramLabel = "PROCESS",
            description = "With kill on a postgres node: crash only 'patroni' or only 'postgres'.")
    String only;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (only != null && action != Action.kill) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "--only " + only + " works with kill only, not with " + action + ".");
        }
        if (only != null && !only.equals("patroni") && !only.equals("postgres")) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "--only must be patroni or postgres, not '" + only + "'.");
        }
        boolean alive = selection.find(stack -> {
            switch (action) {
                case kill -> {
                    if (only == null) {
                        stack.kill(node);
                    } else {
                        stack.killOnly(node, DatabaseProcess.of(only));
                    }
                }
                case stop -> stack.stop(node);
                case pause -> stack.pause(node);
                case resume -> stack.resume(node);
                case restart -> stack.restart(node);
                case start -> stack.start(node);
            }
            return stack.alive(node);
        });
        spec.commandLine().getOut().printf("%s: %s%s done (%s)%n", node, action, only == null ? "" : " --only " + only,
                alive ? "running" : "not running");
        return ExitCode.OK.code();
    }
}
