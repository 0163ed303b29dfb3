package casedrill.stack.recipe;

import casedrill.topology.Node;

/** How one kind of node is configured, started and judged ready. */
public interface NodeRecipe {
    /** Writes the node's config files and returns how to start it. */
    LaunchSpec prepare(Node node);

    /** Whether the node is ready now; a reason otherwise, for the error message and status. */
    Readiness readiness(Node node);

    /** Whether a node is ready, and if not, why. */
    record Readiness(boolean ready, String detail) {
        public static Readiness yes(String detail) {
            return new Readiness(true, detail);
        }

        public static Readiness no(String detail) {
            return new Readiness(false, detail);
        }
    }
}
