package casedrill.stack;

import java.nio.file.Path;

/** A stack that could not start: names the node at fault and the log file to read. */
public class StackStartException extends RuntimeException {
    private final String node;
    private final Path log;

    public StackStartException(String node, Path log, String problem) {
        super("node " + node + " " + problem + (log == null ? "" : "; see " + log));
        this.node = node;
        this.log = log;
    }

    public String node() {
        return node;
    }

    public Path log() {
        return log;
    }
}
