package casedrill.fault;

import casedrill.scenario.FaultStep;

/** The gray failure: the nodes' process trees frozen with SIGSTOP; heal thaws them (SIGCONT is idempotent). */
record PauseFault(FaultStep step, FaultContext ctx) implements Fault {
    public String name() { return step.name(); }
    public String action() { return step.action().id(); }
    public String target() { return step.target().text(); }

    @Override
    public Undo undo() {
        return Undo.paused(StepTargets.nodes(step));
    }

    @Override
    public void inject() {
        StepTargets.nodes(step).forEach(ctx.nodes()::pause);
    }

    @Override
    public void heal() {
        StepTargets.nodes(step).forEach(ctx.nodes()::resume);
    }
}
