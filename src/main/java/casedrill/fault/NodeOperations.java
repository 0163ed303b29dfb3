package casedrill.fault;

import casedrill.stack.DatabaseProcess;
import casedrill.stack.EffectiveAt;
import casedrill.stack.Partition;
import java.util.List;
import java.util.Optional;

/**
 * What node and site faults need from a stack, by node name; the local stack implements it in
 * {@link StackNodeOperations}, tests with fakes. Addresses come from the running stack, not the
 * scenario's topology, because a test stack may be moved to other loopback addresses. Every action returns the
 * instant it took effect (the first signal sent), which is T_fault.
 */
public interface NodeOperations {
    EffectiveAt kill(String node);

    /** Crash just one process of a postgres node. */
    EffectiveAt killOnly(String node, DatabaseProcess process);

    EffectiveAt stop(String node);

    EffectiveAt pause(String node);

    EffectiveAt resume(String node);

    EffectiveAt restart(String node);

    /**
     * Starts the node if it is not running and reads back that it runs; a no-op when it runs (heals of kill, stop
     * and power-loss). Throws when the node does not run afterwards.
     */
    void startIfDown(String node);

    /** Crashes every node of a site at the same instant. */
    EffectiveAt powerLoss(String site);

    /** {@code host:port} of one of the node's ports in the running stack. */
    String endpoint(String node, String port);

    /** The sites of the running stack (site-links(a) cuts a from each of the others). */
    default List<String> sites() {
        return List.of();
    }

    /**
     * Cuts the site pairs exactly (iptables rules) when the stack can; otherwise cuts nothing and
     * returns a partition with {@code exact == false} whose detail says why.
     */
    default Partition partitionExactly(List<Partition.SitePair> pairs, Partition.Mode mode) {
        return new Partition(pairs, mode, false, "approximate: this stack has no exact site partitions");
    }

    /** Removes an exact partition's rules; idempotent. */
    default void heal(Partition partition) {
    }

    /** The stack id whose partition rules {@code recover} removes; empty when the stack cannot cut exactly. */
    default Optional<String> partitionRulesOwner() {
        return Optional.empty();
    }
}
