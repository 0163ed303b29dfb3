package casedrill.fault;

import casedrill.scenario.FaultStep;
import casedrill.stack.EffectiveAt;

/** Thaws paused nodes: a one-off step, nothing stays active. */
final class ResumeFault extends OneOffFault {
    ResumeFault(FaultStep step, FaultContext ctx) {
        super(step, ctx);
    }

    @Override
    public EffectiveAt inject() {
        return eachNode(ctx.nodes()::resume);
    }
}
