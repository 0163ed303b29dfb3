package casedrill.fault;

import casedrill.scenario.FaultStep;

/** Hard crash of nodes (or with {@code only:}, of one process of a postgres node); heal starts them again. */
record KillFault(FaultStep step, FaultContext ctx) implements Fault {
    public String name() { return step.name(); }
    public String action() { return step.action().id(); }
    public String target() { return step.target().text(); }
    public Undo undo() { return Undo.NOTHING; }

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
        StepTargets.nodes(step).forEach(ctx.nodes()::startIfDown);
    }
}
