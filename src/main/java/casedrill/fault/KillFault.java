package casedrill.fault;

import static casedrill.scenario.ParamSpec.choice;

import casedrill.scenario.FaultStep;
import casedrill.stack.DatabaseProcess;
import casedrill.stack.EffectiveAt;
import casedrill.topology.NodeKind;
import casedrill.topology.ResolvedTarget;
import casedrill.topology.Target;
import casedrill.topology.Target.Kind;
import casedrill.topology.Topology;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Hard crash of nodes (or with {@code only:}, of one process of a postgres node); heal starts them again. */
final class KillFault extends StepFault {
    static final FaultDefinition DEFINITION = new DefinedAction("kill",
            "hard crash (SIGKILL; PostgreSQL: SIGSTOP the postmaster, then SIGKILL it and its children); healed by a restart",
            EnumSet.of(Kind.NODE, Kind.SITE), DefinedAction.HEALED, List.of(choice("only", false, null,
                    "postgres nodes only: crash just Patroni (its PostgreSQL keeps running) or just PostgreSQL (Patroni restarts it)",
                    "patroni", "postgres")), (step, ctx) -> new KillFault(step, ctx, Params.of(step.params()))) {
        @Override
        public Optional<String> refusal(Target target, ResolvedTarget resolved, Topology topology, Set<String> given) {
            if (given.contains("only") && (target.kind() != Kind.NODE || resolved.nodes().get(0).kind() != NodeKind.POSTGRES)) {
                return Optional.of("'with.only' picks a process of a postgres node, but '" + target.text() + "' is not a postgres node");
            }
            return Optional.empty();
        }
    };

    /** {@code only:} the one process of a postgres node to crash; empty crashes the whole node. */
    record Params(Optional<DatabaseProcess> only) {
        static Params of(Map<String, Object> with) {
            return new Params(Optional.ofNullable((String) with.get("only")).map(DatabaseProcess::of));
        }
    }

    private final Params params;

    private KillFault(FaultStep step, FaultContext ctx, Params params) {
        super(step, ctx);
        this.params = params;
    }

    @Override
    public EffectiveAt inject() {
        return eachNode(node -> params.only().map(process -> ctx.nodes().killOnly(node, process)).orElseGet(() -> ctx.nodes().kill(node)));
    }

    @Override
    public void heal() {
        startTargetNodes();
    }
}
