package casedrill.fault;

import casedrill.scenario.FaultStep;

/** Graceful stop (SIGTERM); heal starts the nodes again. */
record StopFault(FaultStep step, FaultContext ctx) implements Fault {
    public String name() { return step.name(); }
    public String action() { return step.action().id(); }
    public String target() { return step.target().text(); }
    public Undo undo() { return Undo.NOTHING; }

    @Override
    public void inject() {
        StepTargets.nodes(step).forEach(ctx.nodes()::stop);
    }

    @Override
    public void heal() {
        StepTargets.nodes(step).forEach(ctx.nodes()::startIfDown);
    }
}
