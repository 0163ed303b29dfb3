package casedrill.fault;

import casedrill.scenario.FaultStep;
import casedrill.stack.EffectiveAt;
import casedrill.topology.Target.Kind;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** Thaws paused nodes: a one-off step, nothing stays active. */
final class ResumeFault extends OneOffFault {
    static final FaultDefinition DEFINITION = new DefinedAction("resume", "thaw a paused node (SIGCONT)",
            EnumSet.of(Kind.NODE, Kind.SITE), DefinedAction.ONE_OFF, List.of(), ResumeFault::new) {
        /** A resume thaws what a pause froze; the timeline checks it resumes the whole of a pause in effect. */
        @Override
        public Optional<String> undoes() {
            return Optional.of(PauseFault.DEFINITION.id());
        }
    };

    private ResumeFault(FaultStep step, FaultContext ctx) {
        super(step, ctx);
    }

    @Override
    public EffectiveAt inject() {
        return eachNode(ctx.nodes()::resume);
    }
}
