package casedrill.stack.local;

import casedrill.stack.recipe.LaunchSpec;
import casedrill.stack.recipe.RunUser;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Starts a node as a detached process that outlives the harness: its own session (setsid), stdin
 * from /dev/null, stdout and stderr appended to its log. setsid and setpriv both exec in place
 * (a child of the JVM is never a process-group leader), so the PID returned is the node's own.
 */
public final class DetachedLauncher {
    private final Function<String, RunUser> userOfNode;

    public DetachedLauncher(Function<String, RunUser> userOfNode) {
        this.userOfNode = userOfNode;
    }

    public Started start(LaunchSpec spec) {
        RunUser user = userOfNode.apply(spec.node());
        List<String> command = new ArrayList<>();
        command.add("setsid");
        if (spec.asStackUser()) {
            command.addAll(user.commandPrefix());
        }
        command.addAll(spec.command());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(spec.workDir().toFile())
                .redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.log().toFile()))
                .redirectErrorStream(true);
        builder.environment().keySet().removeAll(spec.envRemoved());
        builder.environment().putAll(spec.envSet());
        try {
            Process process = builder.start();
            LocalProcess identity = LocalProcess.of(process.pid()).orElse(new LocalProcess(process.pid(), -1));
            String runAs = spec.asStackUser() ? user.name() : System.getProperty("user.name");
            return new Started(process, identity, runAs);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + spec.node() + " (" + spec.command().get(0) + "): "
                    + e.getMessage() + "; see " + spec.log(), e);
        }
    }

    /** A started process: the JDK handle (to see an early exit) and its identity for the state file. */
    public record Started(Process handle, LocalProcess identity, String user) {
    }
}
