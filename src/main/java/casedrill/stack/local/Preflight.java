package casedrill.stack.local;

import casedrill.stack.recipe.RecipeContext;
import casedrill.topology.Link;
import casedrill.topology.NodeKind;
import casedrill.topology.Node;
import casedrill.stack.Endpoints;
import casedrill.stack.StackStartException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks before anything starts: every program installed, every address and port free. */
final class Preflight {
    private static final String INSTALL_HINT = "run src/main/scripts/install-stack-deps.sh as root";

    private Preflight() {
    }

    static void check(RecipeContext ctx, List<Node> nodes) {
        for (Node node : nodes) {
            programFor(ctx, node.kind()).ifPresent(program -> {
                if (!installed(program)) {
                    throw new StackStartException(node.name(), null, "needs " + program + ", which is not installed ("
                            + INSTALL_HINT + ")");
                }
            });
            for (Map.Entry<String, Integer> port : node.ports().entrySet()) {
                if (Listeners.listening(node.address(), port.getValue())) {
                    throw new StackStartException(node.name(), null, "cannot listen on " + node.address() + ":"
                            + port.getValue() + " (its " + port.getKey() + " port): something already listens there");
                }
            }
        }
        if (!ctx.options().linksDirect()) {
            for (Link link : ctx.layout().links()) {
                if (Listeners.listening(Endpoints.host(link.listen()), Endpoints.port(link.listen()))) {
                    throw new StackStartException("toxiproxy", null, "cannot open link " + link.name() + " on "
                            + link.listen() + ": something already listens there");
                }
            }
        }
    }

    private static Optional<Path> programFor(RecipeContext ctx, NodeKind kind) {
        return Optional.ofNullable(switch (kind) {
            case ETCD -> Path.of("etcd");
            case POSTGRES -> Files.isExecutable(ctx.options().pgBinDir().resolve("postgres"))
                    ? ctx.options().patroniHome().resolve("bin/patroni")
                    : ctx.options().pgBinDir().resolve("postgres");
            case DB_ROUTER, GSLB -> Path.of("haproxy");
            case APP, TOXIPROXY -> ctx.options().classpath() == null ? ctx.options().jar() : null;
        });
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static boolean installed(Path program) {
        if (program.toString().endsWith(".jar")) {
            return Files.isRegularFile(program);
        }
        return program.isAbsolute() ? Files.isExecutable(program) : onPath(program.toString());
    }
}
