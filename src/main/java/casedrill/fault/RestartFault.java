package casedrill.fault;

import casedrill.scenario.FaultStep;

/** Graceful stop, then start, waiting until each node is ready: a one-off step. */
record RestartFault(FaultStep step, FaultContext ctx) implements Fault {
    public String name() { return step.name(); }
    public String action() { return step.action().id(); }
    public String target() { return step.target().text(); }
    public Undo undo() { return Undo.NOTHING; }
    public boolean lasting() { return false; }

    @Override
    public void inject() {
        StepTargets.nodes(step).forEach(ctx.nodes()::restart);
    }

    @Override
    public void heal() {
    }
}
