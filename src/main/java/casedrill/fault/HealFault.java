package casedrill.fault;

import casedrill.scenario.FaultStep;
import casedrill.topology.Target;

/** {@code heal: fault:<id>}: heals an earlier fault before its time, through the drill's healer. */
record HealFault(FaultStep step, FaultContext ctx) implements Fault {
    public String name() { return step.name(); }
    public String action() { return step.action().id(); }
    public String target() { return step.target().text(); }
    public Undo undo() { return Undo.NOTHING; }
    public boolean lasting() { return false; }

    @Override
    public void inject() {
        ctx.healer().heal(((Target.FaultRef) step.target()).id());
    }

    @Override
    public void heal() {
    }
}
