package casedrill.stack.recipe;

import casedrill.topology.Node;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** HAProxy in the foreground (-db), so the PID we hold is the proxy itself, with its config private to its site user. */
final class HaproxyLaunch {
    private HaproxyLaunch() {
    }

    static LaunchSpec spec(RecipeContext ctx, Node node, String config) {
        Path dir = ctx.nodeDir(node.name());
        Path file = ConfigFiles.writePrivate(dir.resolve("haproxy.cfg"), config, ctx.userOf(node.name()));
        return new LaunchSpec(node.name(), List.of("haproxy", "-db", "-f", file.toString()), Map.of(), Set.of(),
                true, dir, ctx.log(node.name()));
    }
}
