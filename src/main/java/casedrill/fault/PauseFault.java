package casedrill.fault;

import casedrill.scenario.FaultStep;
import casedrill.stack.EffectiveAt;
import casedrill.topology.Target.Kind;
import java.util.EnumSet;
import java.util.List;

/** The gray failure: the nodes' process trees frozen with SIGSTOP; heal thaws them (SIGCONT is idempotent). */
final class PauseFault extends StepFault {
    static final FaultDefinition DEFINITION = new DefinedAction("pause",
            "freeze the node's whole process tree (SIGSTOP): the gray failure; healed by resume", EnumSet.of(Kind.NODE, Kind.SITE), DefinedAction.HEALED, List.of(), PauseFault::new);

    private PauseFault(FaultStep step, FaultContext ctx) {
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
