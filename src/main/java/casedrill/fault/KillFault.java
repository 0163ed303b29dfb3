package casedrill.fault;

import casedrill.scenario.FaultStep;

/** Hard crash of nodes (or with {@code only:}, of one process of a postgres node); heal starts them again. */
final class KillFault extends StepFault {
    KillFault(FaultStep step, FaultContext ctx) {
        super(step, ctx);
    }

    @Override
    public void inject() {
        Object only = step.params().get("only");
        for (String node : StepTargets.nodes(step)) {
            if (only != null) {
                ctx.nodes().killOnly(node, only.toString());
            } else {
                ctx.nodes().kill(node);
            }
        }
    }

    @Override
    public void heal() {
        startTargetNodes();
    }
}
