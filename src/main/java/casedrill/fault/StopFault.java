package casedrill.fault;

import casedrill.scenario.FaultStep;

/** Graceful stop (SIGTERM); heal starts the nodes again. */
final class StopFault extends StepFault {
    StopFault(FaultStep step, FaultContext ctx) {
        super(step, ctx);
    }

    @Override
    public void inject() {
        StepTargets.nodes(step).forEach(ctx.nodes()::stop);
    }

    @Override
    public void heal() {
        startTargetNodes();
    }
}
