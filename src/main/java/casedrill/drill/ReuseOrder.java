package casedrill.drill;

import casedrill.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The order in which a catalogue runs with {@code run --reuse}: drills on the same kind of stack (provider, topology,
 * database variant; the key {@link StackPool} keeps a stack under) one after another, kinds in the order of their first
 * drill, drills of a kind in the order given. The pool keeps one stack per address range, so in alphabetical order
 * every change of kind (async, multi-host, Patroni 3.0.2, runbook) took the kept stack down and started another.
 * Only the order changes: each drill still gets its own reset and verified baseline.
 */
public final class ReuseOrder {
    private ReuseOrder() {
    }

    /** A scenario with where it came from (the file the operator named). */
    public record Entry<T>(T source, Scenario scenario) {
        public Entry {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(scenario, "scenario");
        }
    }

    public static <T> List<T> order(List<Entry<T>> entries) {
        Map<String, List<T>> byKind = new LinkedHashMap<>();
        for (Entry<T> e : entries) {
            Scenario s = e.scenario();
            String kind = StackPool.key(s.stack().provider(), s.topology().name(), s.stack().variant(), 0);
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(e.source());
        }
        return byKind.values().stream().flatMap(List::stream).toList();
    }
}
