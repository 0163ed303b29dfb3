package casedrill.fault;

import casedrill.scenario.FaultStep;
import casedrill.scenario.ParamSpec;
import casedrill.topology.Target.Kind;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** A definition from its catalogue entry and the fault it makes; an action with checks of its own overrides them here. */
class DefinedAction implements FaultDefinition {
    /** Stays in effect until healed, so it may take {@code for:} and be named by {@code heal}. */
    static final boolean HEALED = true;
    /** Acts once; nothing stays to heal. */
    static final boolean ONE_OFF = false;

    private final String id;
    private final String meaning;
    private final Set<Kind> targets;
    private final boolean healable;
    private final List<ParamSpec> params;
    private final BiFunction<FaultStep, FaultContext, Fault> factory;

    DefinedAction(String id, String meaning, Set<Kind> targets, boolean healable, List<ParamSpec> params,
                  BiFunction<FaultStep, FaultContext, Fault> factory) {
        this.id = id;
        this.meaning = meaning;
        this.targets = Collections.unmodifiableSet(EnumSet.copyOf(targets)); // in Kind's order: messages list them so
        this.healable = healable;
        this.params = List.copyOf(params);
        this.factory = factory;
    }

    @Override
    public final Fault create(FaultStep step, FaultContext ctx) {
        return factory.apply(step, ctx);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String meaning() {
        return meaning;
    }

    @Override
    public final Set<Kind> targets() {
        return targets;
    }

    @Override
    public final boolean healable() {
        return healable;
    }

    @Override
    public final List<ParamSpec> params() {
        return params;
    }

    @Override
    public final String toString() {
        return id;
    }
}
