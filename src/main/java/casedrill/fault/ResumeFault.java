package casedrill.fault;

import casedrill.scenario.FaultStep;

/** Thaws paused nodes: a one-off step, nothing stays active. */
final class ResumeFault extends OneOffFault {
    ResumeFault(FaultStep step, FaultContext ctx) {
        super(step, ctx);
    }

    @Override
    public void inject() {
        StepTargets.nodes(step).forEach(ctx.nodes()::resume);
    }
}
