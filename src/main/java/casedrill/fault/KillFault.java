package casedrill.fault;

import casedrill.scenario.FaultStep;
import casedrill.stack.EffectiveAt;

/** Hard crash of nodes (or with {@code only:}, of one process of a postgres node); heal starts them again. */
final class KillFault extends StepFault {
    KillFault(FaultStep step, FaultContext ctx) {
        super(step, ctx);
    }

    @Override
    public EffectiveAt inject() {
        Object only = step.params().get("only");
        return eachNode(node -> only != null ? ctx.nodes().killOnly(node, only.toString()) : ctx.nodes().kill(node));
    }

    @Override
    public void heal() {
        startTargetNodes();
    }
}
