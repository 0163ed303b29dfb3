package casedrill.fault;

import casedrill.stack.StackRef;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The lease file's content: the faults currently active and what undoes each, with which stack they act on
 * (its provider and locator) and where its Toxiproxy API is, so {@code recover} needs nothing but this.
 */
public record Lease(StackRef stack, String toxiproxyApi, List<Entry> faults) {
    /** What leases written before providers existed call the stack: the local provider's run directory. */
    private static final String OLD_PROVIDER = "local";

    public Lease {
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    /** Reads current leases ({@code stack}) and older ones, which name only the local stack's directory ({@code stackDir}). */
    @JsonCreator
    static Lease read(@JsonProperty("stack") StackRef stack, @JsonProperty("stackDir") String stackDir,
                      @JsonProperty("toxiproxyApi") String toxiproxyApi, @JsonProperty("faults") List<Entry> faults) {
        return new Lease(stack != null ? stack : new StackRef(OLD_PROVIDER, stackDir), toxiproxyApi, faults);
    }

    /** One active fault; {@code since} is the UTC wall time it was leased (just before inject). */
    public record Entry(String fault, String action, String target, String since, Undo undo) {
    }

    public Lease with(Entry entry) {
        List<Entry> next = new ArrayList<>(faults);
        next.add(entry);
        return new Lease(stack, toxiproxyApi, next);
    }

    public Lease without(String fault) {
        return new Lease(stack, toxiproxyApi, faults.stream().filter(e -> !e.fault().equals(fault)).toList());
    }
}
