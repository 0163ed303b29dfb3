package casedrill.fault;

import casedrill.scenario.FaultStep;
import casedrill.stack.EffectiveAt;
import casedrill.topology.Target.Kind;
import java.util.EnumSet;
import java.util.List;

/** Graceful stop (SIGTERM); heal starts the nodes again. */
final class StopFault extends StepFault {
    static final FaultDefinition DEFINITION = new DefinedAction("stop", "graceful stop (SIGTERM); healed by a start",
            EnumSet.of(Kind.NODE, Kind.SITE), DefinedAction.HEALED, List.of(), StopFault::new);

    private StopFault(FaultStep step, FaultContext ctx) {
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
