package casedrill.fault;

import casedrill.scenario.FaultAction;
import casedrill.scenario.FaultCatalogue;
import casedrill.scenario.FaultStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every fault action, registered by name from its definition: the catalogue the scenario loader checks against
 * (scenarios/README.md and scenario.schema.json are checked against it too) and the factory of the drill's faults.
 */
public final class FaultRegistry implements FaultCatalogue {
    /** Every action the harness has, in the order the README and the schema list them. */
    public static final FaultRegistry ACTIONS = new FaultRegistry(List.of(
            PowerLossFault.DEFINITION, KillFault.DEFINITION, StopFault.DEFINITION, PauseFault.DEFINITION,
            ResumeFault.DEFINITION, RestartFault.DEFINITION, PartitionFault.DEFINITION,
            LatencyToxic.DEFINITION, BandwidthToxic.DEFINITION, ResetToxic.DEFINITION, SlicerToxic.DEFINITION,
            LimitDataToxic.DEFINITION, SlowCloseToxic.DEFINITION,
            ChaosMonkeyFault.DEFINITION, SwitchoverFault.DEFINITION, HealFault.DEFINITION));

    private final Map<String, FaultDefinition> byName = new LinkedHashMap<>();

    private FaultRegistry(List<FaultDefinition> definitions) {
        for (FaultDefinition d : definitions) {
            if (byName.putIfAbsent(d.id(), d) != null) {
                throw new IllegalStateException("two fault actions are named '" + d.id() + "'");
            }
        }
    }

    @Override
    public Optional<FaultAction> action(String id) {
        return Optional.ofNullable(byName.get(id));
    }

    @Override
    public List<FaultAction> actions() {
        return List.copyOf(byName.values());
    }

    /** The fault of a validated step, made by the definition of its action. */
    public Fault create(FaultStep step, FaultContext ctx) {
        FaultDefinition definition = byName.get(step.action().id());
        if (definition == null) {
            throw new IllegalArgumentException("no fault implements action '" + step.action().id() + "'");
        }
        return definition.create(step, ctx);
    }
}
