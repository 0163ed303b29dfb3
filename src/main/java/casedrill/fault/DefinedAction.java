package casedrill.fault;

import casedrill.scenario.ParamSpec;
import casedrill.topology.Target.Kind;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The catalogue entry each definition starts from; the definition adds the fault it makes and any checks of its own. */
abstract class DefinedAction implements FaultDefinition {
    /** Stays in effect until healed, so it may take {@code for:} and be named by {@code heal}. */
    static final boolean HEALED = true;
    /** Acts once; nothing stays to heal. */
    static final boolean ONE_OFF = false;

    private final String id;
    private final String meaning;
    private final Set<Kind> targets;
    private final boolean healable;
    private final List<ParamSpec> params;

    DefinedAction(String id, String meaning, Set<Kind> targets, boolean healable, List<ParamSpec> params) {
        this.id = id;
        this.meaning = meaning;
        this.targets = Collections.unmodifiableSet(EnumSet.copyOf(targets)); // in Kind's order: messages list them so
        this.healable = healable;
        this.params = List.copyOf(params);
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
