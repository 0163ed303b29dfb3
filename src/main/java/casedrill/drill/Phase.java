package casedrill.drill;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The phases of a drill and the transitions allowed between them. The happy path runs top to
 * bottom; every phase that may have injected something can only leave through HEAL, and every
 * phase before RESULTS may jump to RESULTS (invalid, stack failed, steady state refused) so a run
 * always ends with results.
 */
public enum Phase {
    VALIDATE("validate"),
    STACK_UP("stack up"),
    STEADY_STATE("steady state"),
    LOAD("load + probes"),
    FAULTS("fault timeline"),
    OBSERVE("observe failover"),
    HEAL("heal"),
    SETTLE("settle"),
    RECONCILE("reconcile"),
    CHECK("check"),
    RESULTS("results"),
    STACK_DOWN("stack down"),
    DONE("done");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    private static final Map<Phase, Set<Phase>> ALLOWED = Map.ofEntries(
            Map.entry(VALIDATE, EnumSet.of(STACK_UP, RESULTS)),
            Map.entry(STACK_UP, EnumSet.of(STEADY_STATE, RESULTS)),
            Map.entry(STEADY_STATE, EnumSet.of(LOAD, RESULTS)),
            // Load runs before the steady state is judged under it; refusing it injects nothing, but load and probes stop in HEAL.
            Map.entry(LOAD, EnumSet.of(FAULTS, HEAL)),
            Map.entry(FAULTS, EnumSet.of(OBSERVE, HEAL)),
            Map.entry(OBSERVE, EnumSet.of(HEAL)),
            Map.entry(HEAL, EnumSet.of(SETTLE, RESULTS)),
            Map.entry(SETTLE, EnumSet.of(RECONCILE, RESULTS)),
            Map.entry(RECONCILE, EnumSet.of(CHECK, RESULTS)),
            Map.entry(CHECK, EnumSet.of(RESULTS)),
            Map.entry(RESULTS, EnumSet.of(STACK_DOWN, DONE)),
            Map.entry(STACK_DOWN, EnumSet.of(DONE)),
            Map.entry(DONE, EnumSet.noneOf(Phase.class)));

    public boolean mayGoTo(Phase next) {
        return ALLOWED.get(this).contains(next);
    }

    public Set<Phase> next() {
        return Set.copyOf(ALLOWED.get(this));
    }
}
