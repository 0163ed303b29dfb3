package casedrill.fault;

import casedrill.scenario.FaultStep;
import casedrill.stack.EffectiveAt;

/** The gray failure: the nodes' process trees frozen with SIGSTOP; heal thaws them (SIGCONT is idempotent). */
final class PauseFault extends StepFault {
    PauseFault(FaultStep step, FaultContext ctx) {
        super(step, ctx);
    }

    @Override
    public Undo undo() {
        return Undo.paused(StepTargets.nodes(step));
    }

    @Override
    public EffectiveAt inject() {
        return eachNode(ctx.nodes()::pause);
    }

    @Override
    public void heal() {
        StepTargets.nodes(step).forEach(ctx.nodes()::resume);
    }
}
