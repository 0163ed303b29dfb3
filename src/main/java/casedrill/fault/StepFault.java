package casedrill.fault;

import casedrill.scenario.FaultStep;

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

    /** Heals of node faults that crash or stop: start whatever of the target is down. */
    protected void startTargetNodes() {
        StepTargets.nodes(step).forEach(ctx.nodes()::startIfDown);
    }
}
