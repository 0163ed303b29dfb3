package casedrill.fault;

import casedrill.scenario.FaultStep;
import casedrill.stack.EffectiveAt;

/** Every node of a site crashes at the same instant; heal powers them back on, in start order. */
final class PowerLossFault extends StepFault {
    PowerLossFault(FaultStep step, FaultContext ctx) {
        super(step, ctx);
    }

    @Override
    public EffectiveAt inject() {
        return ctx.nodes().powerLoss(StepTargets.site(step));
    }

    @Override
    public void heal() {
        startTargetNodes();
    }
}
