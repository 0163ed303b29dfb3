package casedrill.drill;

import casedrill.failover.RunbookStep;
import casedrill.notation.Durations;
import casedrill.provider.StackProviders;
import casedrill.report.PlanStep;
import casedrill.scenario.FailoverSpec;
import casedrill.scenario.FaultStep;
import casedrill.scenario.LoadSpec;
import casedrill.scenario.Scenario;
import casedrill.stack.StackLayout;
import casedrill.stack.StackProvider;
import casedrill.topology.Link;
import casedrill.topology.Node;
import casedrill.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a drill would do, computed from the scenario alone (nothing is touched): the phases with
 * their times, every fault with the nodes and links it reaches, the expected load, targets and
 * abort conditions. {@code drill plan} prints it; the runner follows the same timeline.
 */
public record DrillPlan(String scenario, String title, String file, String sha256, String topology, String stackVariant,
                        String provider, String failover, Load load, List<PlanStep> timeline, List<String> targets, List<String> abort) {

    /** The expected business load and probing. */
    public record Load(String simulation, String rate, String rampUp, Map<String, Integer> mix, String surge,
                       long expectedRequests, String probes, long expectedProbes) {
    }

    /** The plan with the scenario's own provider; an unknown provider name is an {@link IllegalArgumentException}. */
    public static DrillPlan of(Scenario s) {
        return of(s, StackProviders.byName(s.stack().provider()));
    }

    /** The plan as {@code provider} would run it: what it starts, and which partitions it can cut exactly. */
    public static DrillPlan of(Scenario s, StackProvider provider) {
        return of(s, provider.name() + ": " + provider.describe(StackLayout.of(s.topology())), provider::whyNotExact);
    }

    /**
     * @param inexact why exact site partitions between the given sites are impossible on this
     *                machine (empty when they are possible); tests pass their own
     */
    public static DrillPlan of(Scenario s, Function<List<String>, Optional<String>> inexact) {
        return of(s, s.stack().provider(), inexact);
    }

    private static DrillPlan of(Scenario s, String provider, Function<List<String>, Optional<String>> inexact) {
        List<PlanStep> steps = new ArrayList<>();
        LoadSpec load = s.load();
        long end = s.duration().toMillis();
        steps.add(new PlanStep(0, load.rampUp().toMillis(), "load", "load starts: " + load.simulation() + " ramps up to "
                + load.rate(), List.of(), List.of(), null));
        steps.add(new PlanStep(s.steadyStateStart().toMillis(), s.steadyStateEnd().toMillis(), "steady-state",
                "steady-state check under load: success ≥ " + s.steadyState().successRate()
                        + s.steadyState().p95().map(d -> ", p95 ≤ " + Durations.format(d)).orElse("")
                        + s.steadyState().p99().map(d -> ", p99 ≤ " + Durations.format(d)).orElse(""),
                List.of(), List.of(), "if it fails: nothing is injected, the drill ends inconclusive (exit 3)"));
        load.surge().ifPresent(surge -> steps.add(new PlanStep(surge.at().toMillis(), surge.at().plus(surge.duration()).toMillis(),
                "load", "surge: arrival rate × " + trim(surge.factor()), List.of(), List.of(), null)));
        for (FaultStep f : s.faults()) {
            steps.add(fault(f, s.topology(), inexact));
        }
        if (s.failover().mode() == FailoverSpec.Mode.RUNBOOK) {
            s.failover().runbook().ifPresent(r -> steps.add(new PlanStep(RunbookStart.of(s).toMillis(), null,
                    "runbook", "runbook " + r.id() + ": " + r.title() + " (" + r.steps().size() + " steps: "
                    + r.steps().stream().map(RunbookStep::name).collect(Collectors.joining("; ")) + ")",
                    List.of(), List.of(), "Patroni in maintenance mode: nothing fails over by itself")));
        }
        steps.add(new PlanStep(end, null, "end", "load and probes stop; every active fault is healed; the stack settles; "
                + "the write ledger is reconciled against the surviving primary; targets are checked; results are written",
                List.of(), List.of(), null));
        steps.sort(Comparator.comparingLong(PlanStep::atMs));
        double seconds = s.duration().toMillis() / 1000.0;
        double ramp = load.rampUp().toMillis() / 1000.0;
        double surgeExtra = load.surge().map(x -> (x.factor() - 1) * x.duration().toMillis() / 1000.0).orElse(0.0);
        long requests = Math.round(load.rate().perSecond() * (seconds - ramp / 2 + surgeExtra));
        long probes = Math.round(s.probes().transactions().size() * s.duration().toMillis() / (double) s.probes().interval().toMillis());
        return new DrillPlan(s.id(), s.title(), s.source().toString(), s.sha256(), s.topology().name(),
                (s.stack().variant().synchronous() ? "sync" : "async") + " replication, Patroni " + s.stack().variant().patroni() + ", "
                        + (s.stack().variant().multihost() ? "apps on multi-host JDBC URLs" : "apps through the db-router"),
                provider,
                s.failover().mode() == FailoverSpec.Mode.AUTOMATIC ? "automatic (Patroni and etcd decide; the harness observes)"
                        : "runbook " + s.failover().runbook().map(r -> r.source().getFileName().toString()).orElse("?"),
                new Load(load.simulation(), load.rate().toString(), Durations.format(load.rampUp()), load.mix(),
                        load.surge().map(x -> "×" + trim(x.factor()) + " from " + Durations.format(x.at()) + " for "
                                + Durations.format(x.duration())).orElse(null),
                        requests, String.join(", ", s.probes().transactions()) + " every " + Durations.format(s.probes().interval())
                        + " (timeout " + Durations.format(s.probes().timeout()) + ")", probes),
                steps, PlanTargets.describe(s.targets()),
                s.abort().stream().map(a -> a.text() + " for " + Durations.format(a.holdFor())).toList());
    }

    private static PlanStep fault(FaultStep f, Topology topology, Function<List<String>, Optional<String>> inexact) {
        String params = f.params().entrySet().stream().map(e -> e.getKey() + " " + show(e.getValue()))
                .collect(Collectors.joining(", "));
        String what = f.action().id() + " " + f.target().text() + (params.isEmpty() ? "" : " (" + params + ")");
        List<String> nodes = f.resolved().map(r -> f.action().nodesActedOn(r).stream().map(Node::name).toList()).orElse(List.of());
        List<String> links = f.resolved().map(r -> r.links().stream().map(Link::name).toList()).orElse(List.of());
        String note = null;
        boolean sitePartition = f.action().cutsSitesExactly() && !namedSites(f).isEmpty();
        Optional<String> whyInexact = sitePartition ? inexact.apply(List.copyOf(topology.sites().keySet())) : Optional.empty();
        if (sitePartition && whyInexact.isEmpty()) {
            note = "exact (iptables, per-site users)";
        } else if (f.resolved().map(r -> r.approximate()).orElse(false)) {
            note = "approximate: " + whyInexact.map(w -> w + ", so ").orElse("") + "through the shared etcd peer proxies this also cuts "
                    + String.join(", ", extraCuts(f, topology));
        } else if (whyInexact.isPresent()) {
            note = "approximate: " + whyInexact.get() + ", so the link proxies are cut instead";
        }
        Long until = f.healsAt().map(Duration::toMillis).orElse(null);
        String heal = f.action().healable() ? (until != null ? "" : " (stays until healed)") : "";
        return new PlanStep(f.at().toMillis(), until, "fault", f.name() + ": " + what + heal, nodes, links, note);
    }

    /** Site-to-site directions that cutting the step's proxies also cuts although the target does not name them. */
    private static Set<String> extraCuts(FaultStep f, Topology topology) {
        Set<String> named = namedSites(f);
        Set<String> extra = new TreeSet<>();
        for (Link l : f.resolved().get().links()) {
            String to = topology.destinationSite(l);
            for (String from : topology.sourceSites(l)) {
                boolean covered = f.target() instanceof casedrill.topology.Target.Wan
                        ? named.contains(from) && named.contains(to) : named.contains(from) || named.contains(to);
                if (!covered) {
                    extra.add(from + "→" + to);
                }
            }
        }
        return extra;
    }

    private static Set<String> namedSites(FaultStep f) {
        if (f.target() instanceof casedrill.topology.Target.Wan w) {
            return Set.of(w.siteA(), w.siteB());
        }
        if (f.target() instanceof casedrill.topology.Target.SiteLinks sl) {
            return Set.of(sl.site());
        }
        return Set.of();
    }

    private static String show(Object value) {
        return value instanceof Duration d ? Durations.format(d) : String.valueOf(value);
    }

    static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
