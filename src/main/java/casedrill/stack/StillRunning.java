package casedrill.stack;

/** Something a stack started that did not stop when it was taken down: the node and what is left of it. */
public record StillRunning(String node, String what) {
    @Override
    public String toString() {
        return node + " (" + what + ")";
    }
}
