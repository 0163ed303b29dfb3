package casedrill.fault;

import casedrill.scenario.FaultStep;
import casedrill.stack.EffectiveAt;
import casedrill.topology.Target;

/** {@code heal: fault:<id>}: heals an earlier fault before its time, through the drill's healer. */
final class HealFault extends OneOffFault {
    HealFault(FaultStep step, FaultContext ctx) {
        super(step, ctx);
    }

    @Override
    public EffectiveAt inject() {
        EffectiveAt at = EffectiveAt.now();
        ctx.healer().heal(((Target.FaultRef) step.target()).id());
        return at;
    }
}
