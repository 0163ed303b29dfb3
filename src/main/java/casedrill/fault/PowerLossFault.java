package casedrill.fault;

import casedrill.scenario.FaultStep;
import java.util.List;

/** Every node of a site crashes at the same instant; heal powers them back on, in start order. */
record PowerLossFault(FaultStep step, FaultContext ctx) implements Fault {
    public String name() { return step.name(); }
    public String action() { return step.action().id(); }
    public String target() { return step.target().text(); }
    public Undo undo() { return Undo.NOTHING; }

    @Override
    public void inject() {
        ctx.nodes().powerLoss(StepTargets.site(step));
    }

    @Override
    public void heal() {
        List<String> nodes = StepTargets.nodes(step);
        nodes.forEach(ctx.nodes()::startIfDown);
    }
}
