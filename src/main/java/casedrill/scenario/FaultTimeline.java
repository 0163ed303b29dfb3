package casedrill.scenario;

import casedrill.notation.Durations;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import casedrill.topology.ResolvedTarget;
import casedrill.topology.Target;
import casedrill.topology.TargetResolver;
import casedrill.topology.Topology;
import casedrill.yaml.Problem;
import casedrill.yaml.SourceDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Binds the {@code faults:} list and checks each entry against the topology and the clock. */
final class FaultTimeline {
    private final SourceDocument doc;
    private final Topology topology;
    private final TargetResolver resolver;
    private final Duration drill;
    private final List<Problem> problems;

    FaultTimeline(SourceDocument doc, Topology topology, Duration drill, List<Problem> problems) {
        this.doc = doc;
        this.topology = topology;
        this.resolver = new TargetResolver(topology);
        this.drill = drill;
        this.problems = problems;
    }

    List<FaultStep> bind() {
        List<FaultStep> steps = new ArrayList<>();
        JsonNode faults = doc.root().path("faults");
        for (int i = 0; i < faults.size(); i++) {
            if (faults.get(i).isNull()) {
                continue; // malformed entry, already reported by the schema check
            }
            FaultStep step = step(i, faults.get(i));
            if (step != null) {
                steps.add(step);
            }
        }
        new TimelineRules(doc, steps, problems).check();
        return steps;
    }

    private FaultStep step(int index, JsonNode f) {
        String at = "/faults/" + index;
        FaultAction action = FaultAction.of(f.get("action").asString()).orElseThrow();
        String id = f.has("id") ? f.get("id").asString() : null;
        Duration start = time(at + "/at");
        Optional<Duration> heal = f.has("for") ? Optional.ofNullable(time(at + "/for")) : Optional.empty();
        if (start == null || (f.has("for") && heal.isEmpty())) {
            return null;
        }
        boolean ok = checkTiming(at, action, start, heal);
        Target target;
        try {
            target = Target.parse(f.get("target").asString());
        } catch (IllegalArgumentException e) {
            problems.add(doc.problemAt(at + "/target", e.getMessage()));
            return null;
        }
        Optional<ResolvedTarget> resolved = resolve(at, action, target, f.path("with"));
        Map<String, Object> params = params(at, action, f.path("with"));
        if (!ok || params == null || (action != FaultAction.HEAL && resolved.isEmpty())) {
            return null;
        }
        return new FaultStep(index, id, start, heal, action, target, resolved, params, f.path("note").asString(""));
    }

    private boolean checkTiming(String at, FaultAction action, Duration start, Optional<Duration> heal) {
        if (start.compareTo(drill) >= 0) {
            problems.add(doc.problemAt(at + "/at", "fault at " + Durations.format(start) + " is not before the end of the drill at "
                    + Durations.format(drill)));
            return false;
        }
        if (heal.isPresent() && !action.healable()) {
            problems.add(doc.problemAt(at + "/for", "action '" + action + "' happens once and cannot take 'for'"));
            return false;
        }
        if (heal.isPresent() && heal.get().isZero()) {
            problems.add(doc.problemAt(at + "/for", "'for' must be more than 0s"));
            return false;
        }
        if (heal.isPresent() && start.plus(heal.get()).compareTo(drill) > 0) {
            problems.add(doc.problemAt(at + "/for", "fault would heal at " + Durations.format(start.plus(heal.get()))
                    + ", after the drill ends at " + Durations.format(drill)));
            return false;
        }
        return true;
    }

    private Optional<ResolvedTarget> resolve(String at, FaultAction action, Target target, JsonNode with) {
        String where = at + "/target";
        if (!action.targets().contains(target.kind())) {
            problems.add(doc.problemAt(where, "action '" + action + "' cannot target '" + target.text() + "' (it takes "
                    + action.targets().stream().map(FaultTimeline::describe).collect(Collectors.joining(" or ")) + ")"));
            return Optional.empty();
        }
        if (target.kind() == Target.Kind.FAULT) {
            return Optional.empty();
        }
        ResolvedTarget resolved;
        try {
            resolved = resolver.resolve(target);
        } catch (IllegalArgumentException e) {
            problems.add(doc.problemAt(where, e.getMessage()));
            return Optional.empty();
        }
        String refusal = refusal(action, target, resolved, with);
        if (refusal != null) {
            problems.add(doc.problemAt(where, refusal));
            return Optional.empty();
        }
        return Optional.of(resolved);
    }

    /** Why this action may not touch these nodes, or null. */
    private String refusal(FaultAction action, Target target, ResolvedTarget resolved, JsonNode with) {
        List<Node> nodes = resolved.nodes();
        if (nodes.stream().anyMatch(n -> n.kind() == NodeKind.TOXIPROXY)) {
            return "'" + target.text() + "' includes the Toxiproxy server, the harness's own fault injector, which a drill cannot fail";
        }
        if (action == FaultAction.CHAOS_MONKEY && nodes.stream().noneMatch(n -> n.kind() == NodeKind.APP)) {
            return "action 'chaos-monkey' needs app nodes, but '" + target.text() + "' has none";
        }
        if (action == FaultAction.CHAOS_MONKEY && target.kind() == Target.Kind.NODE && nodes.get(0).kind() != NodeKind.APP) {
            return "action 'chaos-monkey' needs an app node, but '" + target.text() + "' is " + article(nodes.get(0).kind().id()) + " node";
        }
        if (action == FaultAction.KILL && with.has("only") && (target.kind() != Target.Kind.NODE || nodes.get(0).kind() != NodeKind.POSTGRES)) {
            return "'with.only' picks a process of a postgres node, but '" + target.text() + "' is not a postgres node";
        }
        if (action == FaultAction.SWITCHOVER && nodes.get(0).kind() != NodeKind.POSTGRES) {
            return "action 'switchover' needs the postgres node to promote, but '" + target.text() + "' is "
                    + article(nodes.get(0).kind().id()) + " node (postgres nodes: " + topology.nodesOfKind(NodeKind.POSTGRES).stream()
                    .map(Node::name).collect(Collectors.joining(", ")) + ")";
        }
        return null;
    }

    /** Typed {@code with:} values with defaults filled in; null if any value is bad. */
    private Map<String, Object> params(String at, FaultAction action, JsonNode with) {
        Map<String, Object> values = new LinkedHashMap<>();
        boolean ok = true;
        for (ParamSpec spec : action.params()) {
            JsonNode v = with.get(spec.name());
            String text = v == null ? spec.defaultValue() : v.isString() ? v.asString() : v.asString(v.toString());
            if (text == null) {
                continue;
            }
            try {
                values.put(spec.name(), spec.parse(text));
            } catch (IllegalArgumentException e) {
                problems.add(doc.problemAt(at + "/with/" + spec.name(), "'with." + spec.name() + "' " + e.getMessage()));
                ok = false;
            }
        }
        if (action == FaultAction.CHAOS_MONKEY && !"latency".equals(values.get("assault"))) {
            values.remove("latencyRangeStart");
            values.remove("latencyRangeEnd");
        }
        if (action == FaultAction.CHAOS_MONKEY) {
            Duration from = (Duration) values.get("latencyRangeStart");
            Duration to = (Duration) values.get("latencyRangeEnd");
            if (from != null && to != null && from.compareTo(to) > 0) {
                problems.add(doc.problemAt(at + "/with", "'with.latencyRangeStart' (" + Durations.format(from)
                        + ") must not be after 'with.latencyRangeEnd' (" + Durations.format(to) + ")"));
                ok = false;
            }
            if (!"latency".equals(values.get("assault")) && (with.has("latencyRangeStart") || with.has("latencyRangeEnd"))) {
                problems.add(doc.problemAt(at + "/with", "latency ranges only apply to the 'latency' assault, not '"
                        + values.get("assault") + "'"));
                ok = false;
            }
        }
        return ok ? values : null;
    }

    private Duration time(String pointer) {
        try {
            return Durations.parse(doc.root().at(pointer).asString());
        } catch (IllegalArgumentException e) {
            problems.add(doc.problemAt(pointer, "'" + pointer.substring(pointer.lastIndexOf('/') + 1) + "' " + e.getMessage()));
            return null;
        }
    }

    private static String article(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    private static String describe(Target.Kind kind) {
        return switch (kind) {
            case SITE -> "site:<name>";
            case NODE -> "node:<name>";
            case LINK -> "link:<name>";
            case LINK_GROUP -> "wan(<site>,<site>) or site-links(<site>)";
            case FAULT -> "fault:<id>";
        };
    }
}
