package casedrill.drill;

import casedrill.report.PlanStep;
import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link DrillPlan} for a terminal. */
public final class PlanText {
    private PlanText() {
    }

    public static void print(DrillPlan p, PrintWriter out) {
        out.printf("Drill %s: %s%n", p.scenario(), p.title());
        out.printf("  scenario  %s (sha256 %s)%n", p.file(), p.sha256().substring(0, 16));
        out.printf("  stack     fresh stack of topology %s; %s%n", p.topology(), p.stackVariant());
        out.printf("  provider  %s%n", p.provider());
        out.printf("  failover  %s%n", p.failover());
        DrillPlan.Load l = p.load();
        out.printf("  load      %s at %s (open model), ramp-up %s; mix %s%s; about %,d requests%n", l.simulation(), l.rate(),
                l.rampUp(), mix(l.mix()), l.surge() == null ? "" : "; surge " + l.surge(), l.expectedRequests());
        out.printf("  probes    %s; about %,d probes%n", l.probes(), l.expectedProbes());
        out.println();
        out.println("Timeline (offsets from the start of load)");
        out.println("  before    validate, start a fresh stack, wait until every node is healthy");
        for (PlanStep s : p.timeline()) {
            String when = seconds(s.atMs()) + (s.untilMs() == null ? "" : "–" + seconds(s.untilMs()));
            out.printf("  %-9s %s%n", when, s.what());
            if (!s.nodes().isEmpty()) {
                out.printf("  %-9s   nodes: %s%n", "", String.join(", ", s.nodes()));
            }
            if (!s.links().isEmpty()) {
                out.printf("  %-9s   links: %s%n", "", String.join(", ", s.links()));
            }
            if (s.note() != null) {
                out.printf("  %-9s   %s%n", "", s.note());
            }
        }
        out.println("  after     stack down (unless --keep-stack)");
        out.println();
        out.println("Targets");
        p.targets().forEach(t -> out.println("  " + t));
        if (!p.abort().isEmpty()) {
            out.println();
            out.println("Abort (heal everything, report, exit 3) when");
            p.abort().forEach(a -> out.println("  " + a));
        }
        out.flush();
    }

    private static String mix(Map<String, Integer> mix) {
        int total = mix.values().stream().mapToInt(Integer::intValue).sum();
        return mix.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + Math.round(100.0 * e.getValue() / total) + "%")
                .collect(Collectors.joining(", "));
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms / 1000.0 + "s";
    }
}
