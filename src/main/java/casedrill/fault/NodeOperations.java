package casedrill.fault;

/**
 * What node and site faults need from a stack, by node name; the local stack implements it in
 * {@link StackNodeOperations}, tests with fakes. Addresses come from the running stack, not the
 * scenario's topology, because a test stack may be moved to other loopback addresses.
 */
public interface NodeOperations {
    void kill(String node);

    /** Crash just one process of a postgres node: "patroni" or "postgres". */
    void killOnly(String node, String process);

    void stop(String node);

    void pause(String node);

    void resume(String node);

    void restart(String node);

    /** Starts the node if it is not running; a no-op when it is (heals of kill, stop and power-loss). */
    void startIfDown(String node);

    /** Crashes every node of a site at the same instant. */
    void powerLoss(String site);

    /** {@code host:port} of one of the node's ports in the running stack. */
    String endpoint(String node, String port);
}
