package casedrill.drill;

import casedrill.scenario.FaultStep;
import casedrill.scenario.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The scenario's fault timeline as the runner executes it: each step's injection at {@code at}, and
 * its auto-heal at {@code at + for} (the runner moves it to T_fault + for, {@link FaultTimeline.Actions#healDue}). At
 * equal offsets heals come first, so a fault that ends as
 * another begins never overlaps it. (The plan shows the same timeline; this is its executable form.)
 */
public record FaultSchedule(List<Entry> entries) {
    public enum Kind { INJECT, AUTO_HEAL }

    public record Entry(long atMs, Kind kind, FaultStep step) {
    }

    public static FaultSchedule of(Scenario scenario) {
        return of(scenario.faults());
    }

    static FaultSchedule of(List<FaultStep> faults) {
        List<Entry> entries = new ArrayList<>();
        for (FaultStep f : faults) {
            entries.add(new Entry(f.at().toMillis(), Kind.INJECT, f));
            f.healsAt().ifPresent(at -> entries.add(new Entry(at.toMillis(), Kind.AUTO_HEAL, f)));
        }
        entries.sort(Comparator.comparingLong(Entry::atMs).thenComparing(e -> e.kind() == Kind.INJECT)
                .thenComparingInt(e -> e.step().index()));
        return new FaultSchedule(List.copyOf(entries));
    }
}
