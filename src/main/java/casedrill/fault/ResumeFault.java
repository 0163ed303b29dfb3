package casedrill.fault;

import casedrill.scenario.FaultStep;

/** Thaws paused nodes: a one-off step, nothing stays active. */
record ResumeFault(FaultStep step, FaultContext ctx) implements Fault {
    public String name() { return step.name(); }
    public String action() { return step.action().id(); }
    public String target() { return step.target().text(); }
    public Undo undo() { return Undo.NOTHING; }
    public boolean lasting() { return false; }

    @Override
    public void inject() {
        StepTargets.nodes(step).forEach(ctx.nodes()::resume);
    }

    @Override
    public void heal() {
    }
}
