package casedrill.stack.containers;

import casedrill.stack.recipe.LaunchSpec;
import casedrill.topology.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a container runs the process the node's recipe described: its entrypoint, environment and the
 * config files copied in at the paths the command names. Host-only parts of the recipe's command (the host's
 * java and jar) give way to the image's own; everything the recipe generated is kept.
 *
 * @param entrypoint replaces the image's entrypoint when not empty
 * @param args       arguments after the entrypoint
 * @param files      container path to content, copied in before the start
 */
public record ContainerCommand(List<String> entrypoint, List<String> args, Map<String, String> env,
                               Map<String, String> files) {
    /** The Toxiproxy API answers on every network the link proxy joins. */
    static final String ANY = "0.0.0.0";

    public ContainerCommand {
        entrypoint = List.copyOf(entrypoint);
        args = List.copyOf(args);
        env = Map.copyOf(env);
        files = Map.copyOf(files);
    }

    public static ContainerCommand of(Node node, LaunchSpec spec) {
        List<String> cmd = spec.command();
        return switch (node.kind()) {
            case ETCD -> new ContainerCommand(List.of(), cmd.subList(1, cmd.size()), spec.envSet(), Map.of());
            case POSTGRES -> patroni(spec);
            case DB_ROUTER, GSLB -> new ContainerCommand(cmd, List.of(), spec.envSet(), filesNamed(cmd));
            case APP -> new ContainerCommand(List.of(), afterLauncher(cmd), spec.envSet(), Map.of());
            case TOXIPROXY -> new ContainerCommand(List.of(), List.of("toxiproxy", "--host", ANY,
                    "--port", Integer.toString(node.port("api"))), spec.envSet(), Map.of());
        };
    }

    /**
     * Patroni runs as postgres, who cannot read a file copied in as root with mode 0600: its YAML goes in through
     * PATRONI_CONFIGURATION. PID 1 is {@link PatroniSupervisor}, which makes the node folder and starts Patroni, so
     * that Patroni can crash alone while its PostgreSQL runs on.
     */
    static ContainerCommand patroni(LaunchSpec spec) {
        Path config = Path.of(spec.command().get(spec.command().size() - 1));
        Map<String, String> env = new LinkedHashMap<>(spec.envSet());
        env.put("PATRONI_CONFIGURATION", read(config));
        return new ContainerCommand(PatroniSupervisor.entrypoint(spec.workDir(), spec.command().get(0)), List.of(), env, Map.of());
    }

    /** The case service's own arguments: what follows the jar (or the main class when run from a class path). */
    static List<String> afterLauncher(List<String> cmd) {
        int jar = cmd.indexOf("-jar");
        int main = cmd.indexOf("casedrill.cli.Main");
        int from = jar >= 0 ? jar + 2 : main >= 0 ? main + 1 : -1;
        if (from < 0 || from > cmd.size()) {
            throw new IllegalArgumentException("not a casedrill java command line: " + cmd);
        }
        return new ArrayList<>(cmd.subList(from, cmd.size()));
    }

    /** HAProxy's {@code -f file}: copied in where the command expects it. */
    private static Map<String, String> filesNamed(List<String> cmd) {
        int f = cmd.indexOf("-f");
        if (f < 0 || f + 1 >= cmd.size()) {
            throw new IllegalArgumentException("HAProxy command without -f <config>: " + cmd);
        }
        Path config = Path.of(cmd.get(f + 1));
        return Map.of(config.toString(), read(config));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read generated config " + file + ": " + e.getMessage(), e);
        }
    }
}
