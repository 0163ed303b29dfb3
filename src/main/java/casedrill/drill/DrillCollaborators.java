package casedrill.drill;

import casedrill.fault.Fault;
import casedrill.fault.FaultContext;
import casedrill.fault.FaultRegistry;
import casedrill.history.DrillClock;
import casedrill.provider.StackProviders;
import casedrill.scenario.FaultStep;
import casedrill.stack.StackProvider;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a drill runner works with but does not decide: where stacks come from, the clock, the load and the faults.
 * Tests pass fakes, so abort, exception and heal-failure paths run in seconds without a stack.
 *
 * @param providers the stack provider of a name
 * @param clocks    a fresh drill clock, read when the load starts (offset 0)
 * @param loads     starts the load and probes
 * @param faults    builds a fault of the timeline
 * @param warmer    warms a stack the drill started before its steady state is judged
 */
record DrillCollaborators(Function<String, StackProvider> providers, Supplier<DrillClock> clocks, LoadDriver.Factory loads,
                          BiFunction<FaultStep, FaultContext, Fault> faults, StackWarmup.Warmer warmer) {

    /** The real ones: registered providers, the system clock, Gatling with canary probes, the registered faults, the edge. */
    static DrillCollaborators standard() {
        return new DrillCollaborators(StackProviders::byName, DrillClock::system, LoadSession::new, FaultRegistry.ACTIONS::create,
                StackWarmup::throughTheEdge);
    }
}
