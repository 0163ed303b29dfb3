package casedrill.fault;

import casedrill.scenario.FaultStep;
import casedrill.stack.EffectiveAt;
import casedrill.topology.Target;
import casedrill.topology.Target.Kind;
import java.util.EnumSet;
import java.util.List;

/** {@code heal: fault:<id>}: heals an earlier fault before its time, through the drill's healer. */
final class HealFault extends OneOffFault {
    static final FaultDefinition DEFINITION = new DefinedAction("heal", "heal an earlier fault before its time",
            EnumSet.of(Kind.FAULT), DefinedAction.ONE_OFF, List.of(), HealFault::new);

    private HealFault(FaultStep step, FaultContext ctx) {
        super(step, ctx);
    }

    @Override
    public EffectiveAt inject() {
        EffectiveAt at = EffectiveAt.now();
        ctx.healer().heal(((Target.FaultRef) step.target()).id());
        return at;
    }
}
