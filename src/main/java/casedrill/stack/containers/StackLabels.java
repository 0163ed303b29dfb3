package casedrill.stack.containers;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The labels a stack's containers and networks carry, so that any later process (stack status, stack down,
 * run --attach, recover) finds the stack in the engine and rebuilds its handle without the process that started
 * it. The format is documented in docs/providers.md ("containers": attach).
 *
 * @param runRoot the run root the stack was started under: {@code current} is the one stack labelled with it
 */
record StackLabels(String stackId, Path runRoot, StackSpec spec) {
    /** The stack id, on every container and network. */
    static final String STACK = NodeContainers.STACK_LABEL;
    /** The node's name, on every container. */
    static final String NODE = NodeContainers.NODE_LABEL;
    /** The absolute run root, on every container and network. */
    static final String RUN_ROOT = "casedrill.run-root";
    /** {@link StackSpec} as JSON, on every container: any one of them rebuilds the layout. */
    static final String SPEC = "casedrill.spec";

    StackLabels {
        runRoot = root(runRoot);
    }

    /** The run root as labels hold it, so that the same directory named two ways finds the same stacks. */
    static Path root(Path runRoot) {
        return runRoot.toAbsolutePath().normalize();
    }

    /**
     * The one stack among the {@link #STACK} labels of the containers labelled with a run root (one per container);
     * several are refused, naming them, since guessing would drill or take down the wrong one.
     */
    static Optional<String> onlyStack(Path runRoot, List<String> stackLabels) {
        List<String> ids = stackLabels.stream().filter(Objects::nonNull).distinct().sorted().toList();
        if (ids.size() > 1) {
            throw new IllegalArgumentException(ids.size() + " containers stacks run under " + runRoot + ": " + String.join(", ", ids)
                    + "; name one (stack ... --stack ID, run --attach ID) or take the others down with: stack down --provider "
                    + ContainersStackProvider.NAME + " --stack ID");
        }
        return ids.stream().findFirst();
    }

    Map<String, String> network() {
        return new HashMap<>(Map.of(STACK, stackId, RUN_ROOT, runRoot.toString()));
    }

    Map<String, String> node(String name) {
        return new HashMap<>(Map.of(STACK, stackId, NODE, name, RUN_ROOT, runRoot.toString(), SPEC, spec.json()));
    }
}
