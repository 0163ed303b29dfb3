package casedrill.fault;

import casedrill.scenario.FaultStep;
import casedrill.stack.EffectiveAt;
import casedrill.topology.Target.Kind;
import java.util.EnumSet;
import java.util.List;

/** Graceful stop, then start, waiting until each node is ready: a one-off step. */
final class RestartFault extends OneOffFault {
    static final FaultDefinition DEFINITION = new DefinedAction("restart", "graceful stop, then start",
            EnumSet.of(Kind.NODE, Kind.SITE), DefinedAction.ONE_OFF, List.of(), RestartFault::new);

    private RestartFault(FaultStep step, FaultContext ctx) {
        super(step, ctx);
    }

    @Override
    public EffectiveAt inject() {
        return eachNode(ctx.nodes()::restart);
    }
}
