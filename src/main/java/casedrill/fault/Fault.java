package casedrill.fault;

import casedrill.stack.EffectiveAt;

/**
 * One fault of a drill's timeline. {@link #undo()} says, before anything is touched, what a heal
 * would have to reverse, so the lease file can be written ahead of {@link #inject()}.
 * {@link #heal()} is idempotent: healing what is already healed (or never took effect) is a no-op.
 */
public interface Fault {
    /** The scenario's name for this fault ("dc1-down", "fault-2"). */
    String name();

    /** The scenario action ("partition", "pause", ...). */
    String action();

    /** What the fault acts on, as the scenario wrote it. */
    String target();

    /** What a recovery must reverse if the harness dies while this fault is active. */
    Undo undo();

    /**
     * Applies the fault and returns the instant it took effect (T_fault): the first signal sent, the first rule in,
     * the API call that changed a proxy or started an assault sent, the switchover requested. Looking things up
     * beforehand (process trees, proxies, the leader) is not part of it.
     */
    EffectiveAt inject();

    /**
     * Reverses the fault and reads back that the restored state holds (toxics gone, proxy enabled, assault disabled,
     * process running, rule deleted); throws {@link FaultException} when it cannot, an unreachable API included.
     */
    void heal();

    /** How inject went, when that is worth a line in the history ("exact: ..."); empty otherwise. */
    default String outcome() {
        return "";
    }

    /**
     * True when the fault slows or throttles without failing requests by itself (a latency toxic, Chaos Monkey's
     * latency assault): success ratios cannot see when it ends, so latency phases count it as disruption until healed.
     */
    default boolean slowsOnly() {
        return false;
    }

    /** False for one-off actions (restart, switchover, heal): nothing stays active after inject. */
    default boolean lasting() {
        return true;
    }
}
