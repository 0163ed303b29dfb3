package casedrill.drill;

import casedrill.history.Event;

/**
 * How the cluster looks right now: the one thing the {@link ClusterSampler} needs from a stack. Reading it never throws
 * and never blocks for long; whatever did not answer in time is unknown in the sample.
 */
interface ClusterView extends AutoCloseable {
    Event.ClusterSample sample(long offsetMs);

    @Override
    default void close() {
    }
}
