package casedrill.fault;

import casedrill.scenario.FaultStep;

/** Graceful stop, then start, waiting until each node is ready: a one-off step. */
final class RestartFault extends OneOffFault {
    RestartFault(FaultStep step, FaultContext ctx) {
        super(step, ctx);
    }

    @Override
    public void inject() {
        StepTargets.nodes(step).forEach(ctx.nodes()::restart);
    }
}
