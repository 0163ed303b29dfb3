package casedrill.stack;

import java.util.List;
import java.util.Optional;

/**
 * Runs stacks for drills: brings one up from a layout or attaches to one already running. Acts only on what
 * the layout (or the environment it names) contains; undoes partitions by stack id even when the stack is gone.
 */
public interface StackProvider {

    /** The name scenarios and {@code --provider} use, e.g. "local". */
    String name();

    /** One sentence for {@code plan}: what bringing up this layout does. */
    String describe(StackLayout layout);

    /** Brings a stack up; on failure stops what it started and throws ({@link StackStartException} when it did not start). */
    RunningStack up(StackLayout layout, StackOptions options);

    /** Attaches to a running stack; closing the handle leaves it running. */
    RunningStack attach(StackRef ref);

    /** The stack this provider considers current under these options, if any (local: {@code <runRoot>/current}). */
    Optional<StackRef> current(StackOptions options);

    /** Why exact partitions between these sites are impossible with this provider on this machine; empty when possible. */
    Optional<String> whyNotExact(List<String> sites);

    /**
     * Removes every partition this provider made for the stack id, without attaching where the provider can (a local
     * or containers stack may be gone; its id finds its rules or proxies); returns how many rules or cuts it removed.
     * {@code where} is the stack's reference, for a provider whose partitions are found only through it (remote: the
     * environment file names the partition templates to heal).
     */
    int removePartitions(StackRef where, String stackId);
}
