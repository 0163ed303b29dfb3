package casedrill.environment;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact process a node action runs on the harness's machine: {@code ssh ... user@host 'command'} or
 * {@code sh -c 'template'}. {@code plan} prints {@link #text()}; the remote provider runs {@link #argv()}.
 */
public record ActionCommand(List<String> argv) {
    public ActionCommand {
        argv = List.copyOf(argv);
    }

    /** The command line as an operator would type it (arguments with spaces single-quoted). */
    public String text() {
        return String.join(" ", argv.stream().map(ActionCommand::quote).toList());
    }

    /**
     * The command line for an action on a node, or empty when the environment gives no command for it.
     * {@code {node}} and {@code {host}} in the command are the node's name and host, so one set of commands in
     * the top-level ssh defaults can serve every node.
     */
    public static java.util.Optional<ActionCommand> of(EnvironmentNode node, ControlAction action) {
        NodeControl control = node.control();
        return control.command(action).map(command -> command.replace("{node}", node.name()).replace("{host}", node.host()))
                .map(command -> control instanceof NodeControl.Ssh ssh ? ssh(ssh, command) : new ActionCommand(List.of("sh", "-c", command)));
    }

    private static ActionCommand ssh(NodeControl.Ssh ssh, String command) {
        SshTarget t = ssh.target();
        List<String> argv = new ArrayList<>(List.of("ssh", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + t.knownHosts(), "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "ConnectTimeout=" + Math.max(1, ssh.timeout().toSeconds())));
        t.identityFile().ifPresent(key -> argv.addAll(List.of("-o", "IdentitiesOnly=yes", "-i", key.toString())));
        argv.addAll(List.of("-p", Integer.toString(t.port()), t.destination(), "--", command));
        return new ActionCommand(argv);
    }

    private static String quote(String arg) {
        return arg.matches("[A-Za-z0-9@%_+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
