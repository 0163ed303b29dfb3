package casedrill.fault;

import java.util.ArrayList;
import java.util.List;

/**
 * The lease file's content: the faults currently active and what undoes each, with where the stack
 * and its Toxiproxy API are, so {@code recover} needs nothing but this and the stack's state file.
 */
public record Lease(String stackDir, String toxiproxyApi, List<Entry> faults) {
    public Lease {
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    /** One active fault; {@code since} is the UTC wall time it was leased (just before inject). */
    public record Entry(String fault, String action, String target, String since, Undo undo) {
    }

    public Lease with(Entry entry) {
        List<Entry> next = new ArrayList<>(faults);
        next.add(entry);
        return new Lease(stackDir, toxiproxyApi, next);
    }

    public Lease without(String fault) {
        return new Lease(stackDir, toxiproxyApi, faults.stream().filter(e -> !e.fault().equals(fault)).toList());
    }
}
