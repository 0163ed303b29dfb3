package casedrill.fault;

import casedrill.scenario.FaultAction;
import casedrill.scenario.FaultStep;
import casedrill.scenario.ParamSpec;
import casedrill.topology.Link;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import casedrill.topology.ResolvedTarget;
import casedrill.topology.Target;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Literal fault steps for tests, resolved by hand, with the {@code with:} values the loader would give them. */
final class Steps {
    private Steps() {
    }

    /**
     * {@code given}, then the default of every other key, then a sample value for a required key not given: the step
     * a scenario's loader would have made, so the definition can read it into its record.
     */
    static Map<String, Object> params(FaultAction action, Map<String, Object> given) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (ParamSpec spec : action.params()) {
            if (given.containsKey(spec.name())) {
                all.put(spec.name(), given.get(spec.name()));
            } else if (spec.defaultValue() != null || spec.required()) {
                all.put(spec.name(), spec.parse(spec.defaultValue() != null ? spec.defaultValue() : sample(spec)));
            }
        }
        return all;
    }

    private static String sample(ParamSpec spec) {
        return switch (spec.type()) {
            case DURATION -> "100ms";
            case PERCENTAGE -> "50%";
            case BYTE_RATE -> "10KB/s";
            case INTEGER -> "100";
            case CHOICE -> spec.choices().get(0);
        };
    }

    static FaultStep onLinks(String id, FaultAction action, Map<String, Object> params, String... links) {
        Target target = new Target.LinkTarget(links[0]);
        List<Link> resolved = java.util.Arrays.stream(links)
                .map(l -> new Link(l, List.of("a"), "b", "port", "127.0.0.1:1")).toList();
        return new FaultStep(0, id, Duration.ofSeconds(30), Optional.empty(), action, target,
                Optional.of(new ResolvedTarget(target, List.of(), resolved, false)), params(action, params), null);
    }

    static FaultStep onNodes(String id, FaultAction action, Map<String, Object> params, NodeKind kind, String... nodes) {
        Target target = new Target.NodeTarget(nodes[0]);
        List<Node> resolved = java.util.Arrays.stream(nodes)
                .map(n -> new Node(n, kind, "dc1", "127.0.0.1", Map.of("http", 8080, "patroni", 8008))).toList();
        return new FaultStep(0, id, Duration.ofSeconds(30), Optional.empty(), action, target,
                Optional.of(new ResolvedTarget(target, resolved, List.of(), false)), params(action, params), null);
    }

    /** A partition of wan(a,b) whose resolved links are {@code links}. */
    static FaultStep onWan(String id, Map<String, Object> params, String a, String b, String... links) {
        Target target = new Target.Wan(a, b);
        List<Link> resolved = java.util.Arrays.stream(links)
                .map(l -> new Link(l, List.of("x"), "y", "port", "127.0.0.1:1")).toList();
        return new FaultStep(0, id, Duration.ofSeconds(30), Optional.empty(), PartitionFault.DEFINITION, target,
                Optional.of(new ResolvedTarget(target, List.of(), resolved, true)), params(PartitionFault.DEFINITION, params), null);
    }

    /** A power loss of {@code site}, whose resolved nodes are {@code nodes} (app nodes). */
    static FaultStep onSite(String id, String site, List<String> nodes) {
        Target target = new Target.SiteTarget(site);
        List<Node> resolved = nodes.stream().map(n -> new Node(n, NodeKind.APP, site, "127.0.0.1", Map.of())).toList();
        return new FaultStep(0, id, Duration.ofSeconds(30), Optional.empty(), PowerLossFault.DEFINITION, target,
                Optional.of(new ResolvedTarget(target, resolved, List.of(), false)), Map.of(), null);
    }

    /** A partition of site-links(site). */
    static FaultStep onSiteLinks(String id, String site, String... links) {
        Target target = new Target.SiteLinks(site);
        List<Link> resolved = java.util.Arrays.stream(links)
                .map(l -> new Link(l, List.of("x"), "y", "port", "127.0.0.1:1")).toList();
        return new FaultStep(0, id, Duration.ofSeconds(30), Optional.empty(), PartitionFault.DEFINITION, target,
                Optional.of(new ResolvedTarget(target, List.of(), resolved, true)), params(PartitionFault.DEFINITION, Map.of()), null);
    }

    /** {@code heal: fault:<fault>}: no resolved target, the fault is another step. */
    static FaultStep healOf(String id, String fault) {
        return new FaultStep(1, id, Duration.ofSeconds(40), Optional.empty(), HealFault.DEFINITION, new Target.FaultRef(fault),
                Optional.empty(), Map.of(), null);
    }
}
