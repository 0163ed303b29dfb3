package casedrill.stack.recipe;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How to start one node's process.
 *
 * @param envSet     variables added to the environment (secrets included: they never reach the log)
 * @param envRemoved variables removed (PGPASSWORD for Patroni: it would override its pgpass file)
 * @param asStackUser run unprivileged, as the node's site user or the stack user (PostgreSQL refuses root)
 */
public record LaunchSpec(String node, List<String> command, Map<String, String> envSet, Set<String> envRemoved,
                         boolean asStackUser, Path workDir, Path log) {
    public LaunchSpec {
        command = List.copyOf(command);
        envSet = Map.copyOf(envSet);
        envRemoved = Set.copyOf(envRemoved);
    }
}
