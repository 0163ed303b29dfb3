package casedrill.fault;

import casedrill.scenario.FaultStep;

/** A step that acts once (restart, resume, switchover, heal): nothing stays active, so heal has nothing to do. */
abstract class OneOffFault extends StepFault {
    OneOffFault(FaultStep step, FaultContext ctx) {
        super(step, ctx);
    }

    @Override
    public final boolean lasting() {
        return false;
    }

    @Override
    public final void heal() {
    }
}
