package casedrill.stack.local;


/** The process we started for a node, as the state file records it. */
public record NodeProcess(String node, long pid, long startTime, String user, String log) {
    public LocalProcess process() {
        return new LocalProcess(pid, startTime);
    }
}
