package casedrill.stack.local;

import casedrill.stack.recipe.RecipeContext;
import casedrill.topology.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Stops every process a stack started (by recorded PID) and removes its run directory unless kept. */
public final class Teardown {
    private static final Duration GRACE = Duration.ofSeconds(15);

    private Teardown() {
    }

    /**
     * Stops all processes; returns those still alive afterwards (empty when the teardown worked).
     * Graceful goes tier by tier from the edge inwards (Patroni needs etcd to stop cleanly); otherwise
     * everything is crashed at once, as its data is about to be removed anyway.
     */
    public static List<NodeProcess> stopAll(RecipeContext ctx, StackState state, boolean graceful) {
        List<NodeControl.Target> targets = new ArrayList<>();
        for (Node node : state.startedNodes()) {
            targets.add(new NodeControl.Target(node, state.process(node.name()).orElseThrow()));
        }
        NodeControl control = new NodeControl(ctx);
        if (graceful) {
            List<List<NodeControl.Target>> tiers = new ArrayList<>(LocalStackLauncher.tiersOf(targets));
            java.util.Collections.reverse(tiers);
            for (List<NodeControl.Target> tier : tiers) {
                control.stop(tier, GRACE);
            }
        } else {
            control.crash(targets);
        }
        return targets.stream().filter(t -> !control.processes(t.node(), t.recorded()).isEmpty())
                .map(NodeControl.Target::recorded).toList();
    }

    public static void removeDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove run directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
