package casedrill.fault;

import casedrill.scenario.FaultStep;
import casedrill.stack.EffectiveAt;

/** Graceful stop (SIGTERM); heal starts the nodes again. */
final class StopFault extends StepFault {
    StopFault(FaultStep step, FaultContext ctx) {
        super(step, ctx);
    }

    @Override
    public EffectiveAt inject() {
        return eachNode(ctx.nodes()::stop);
    }

    @Override
    public void heal() {
        startTargetNodes();
    }
}
