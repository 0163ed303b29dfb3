package casedrill.drill;

import casedrill.stack.PreparedStack;
import casedrill.stack.StackOptions;
import casedrill.stack.StackRef;
import java.nio.file.Path;

/**
 * How {@code run} runs a drill.
 *
 * @param attach       a running stack to use instead of starting a fresh one (left running); null: start one
 * @param keepStack    leave a stack this run started running afterwards
 * @param reportsRoot  parent of {@code <scenario>/<run-id>/}
 * @param stack        how a fresh stack is started
 * @param addressShift moves every stack address by this much in its third octet (test stacks)
 * @param settleTimeout how long after heal to wait for every node to be healthy again before reconciling
 * @param interactive  runbook {@code manual} steps wait for the operator at the terminal instead of their recorded delay
 * @param release      the release label of the system under test, recorded in result.json; null when none
 * @param provider     the stack provider's name, overriding the scenario's {@code stack.provider}; null: the scenario's
 * @param prepared     the kept or fresh stack a {@link StackPool} reset and verified for this drill ({@code attach} is its
 *                     ref); null when the drill starts its own stack or attaches as it is
 */
public record DrillOptions(StackRef attach, boolean keepStack, Path reportsRoot, StackOptions stack, int addressShift,
                           java.time.Duration settleTimeout, boolean interactive, String release, String provider,
                           PreparedStack prepared) {
    public DrillOptions(StackRef attach, boolean keepStack, Path reportsRoot, StackOptions stack, int addressShift,
                        java.time.Duration settleTimeout, boolean interactive, String release, String provider) {
        this(attach, keepStack, reportsRoot, stack, addressShift, settleTimeout, interactive, release, provider, null);
    }

    public DrillOptions(StackRef attach, boolean keepStack, Path reportsRoot, StackOptions stack, int addressShift,
                        java.time.Duration settleTimeout, boolean interactive) {
        this(attach, keepStack, reportsRoot, stack, addressShift, settleTimeout, interactive, null, null);
    }

    public DrillOptions withRelease(String label) {
        return new DrillOptions(attach, keepStack, reportsRoot, stack, addressShift, settleTimeout, interactive, label, provider, prepared);
    }

    public DrillOptions withProvider(String name) {
        return new DrillOptions(attach, keepStack, reportsRoot, stack, addressShift, settleTimeout, interactive, release, name, prepared);
    }

    /** Runs on the prepared stack: attaches to it and leaves it running for the next drill. */
    public DrillOptions withPrepared(PreparedStack stackForDrill) {
        return new DrillOptions(stackForDrill.ref(), keepStack, reportsRoot, stack, addressShift, settleTimeout, interactive, release,
                provider, stackForDrill);
    }

    public DrillOptions(StackRef attach, boolean keepStack, Path reportsRoot, StackOptions stack, int addressShift,
                        java.time.Duration settleTimeout) {
        this(attach, keepStack, reportsRoot, stack, addressShift, settleTimeout, false);
    }
}
