package casedrill.fault;

import casedrill.scenario.FaultStep;
import casedrill.stack.EffectiveAt;
import casedrill.topology.Target.Kind;
import java.util.EnumSet;
import java.util.List;

/** Every node of a site crashes at the same instant; heal powers them back on, in start order. */
final class PowerLossFault extends StepFault {
    static final FaultDefinition DEFINITION = new DefinedAction("power-loss",
            "hard crash of every node of a site at the same instant; healed by powering them back on",
            EnumSet.of(Kind.SITE), DefinedAction.HEALED, List.of(), PowerLossFault::new);

    private PowerLossFault(FaultStep step, FaultContext ctx) {
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
