package casedrill.fault;

import casedrill.scenario.FaultStep;
import casedrill.stack.EffectiveAt;
import java.util.function.Function;

/** The part every fault shares: its timeline step and context; names come from the step, nothing to undo by default. */
abstract class StepFault implements Fault {
    protected final FaultStep step;
    protected final FaultContext ctx;

    StepFault(FaultStep step, FaultContext ctx) {
        this.step = step;
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return step.name();
    }

    @Override
    public String action() {
        return step.action().id();
    }

    @Override
    public String target() {
        return step.target().text();
    }

    @Override
    public Undo undo() {
        return Undo.NOTHING;
    }

    /** Applies {@code action} to each target node in turn; the fault took effect with the first. */
    protected EffectiveAt eachNode(Function<String, EffectiveAt> action) {
        EffectiveAt first = null;
        for (String node : StepTargets.nodes(step)) {
            EffectiveAt at = action.apply(node);
            first = first == null ? at : first.earliest(at);
        }
        return first == null ? EffectiveAt.now() : first;
    }

    /** Heals of node faults that crash or stop: start whatever of the target is down. */
    protected void startTargetNodes() {
        StepTargets.nodes(step).forEach(ctx.nodes()::startIfDown);
    }
}
