package casedrill.fault;

import casedrill.scenario.FaultStep;
import casedrill.stack.EffectiveAt;

/** Graceful stop, then start, waiting until each node is ready: a one-off step. */
final class RestartFault extends OneOffFault {
    RestartFault(FaultStep step, FaultContext ctx) {
        super(step, ctx);
    }

    @Override
    public EffectiveAt inject() {
        return eachNode(ctx.nodes()::restart);
    }
}
