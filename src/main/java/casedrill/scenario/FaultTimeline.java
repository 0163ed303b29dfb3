package casedrill.scenario;

import casedrill.notation.Durations;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Binds the {@code faults:} list and checks each entry against the topology and the clock. */
final class FaultTimeline {
    private final SourceDocument doc;
    private final Topology topology;
    private final FaultCatalogue catalogue;
    private final TargetResolver resolver;
    private final Duration drill;
    private final List<Problem> problems;

    FaultTimeline(SourceDocument doc, Topology topology, FaultCatalogue catalogue, Duration drill, List<Problem> problems) {
        this.doc = doc;
        this.topology = topology;
        this.catalogue = catalogue;
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
        String name = f.get("action").asString();
        // the schema lists the same names (FaultCatalogueSchemaTest), so a name it let through is in the catalogue
        FaultAction action = catalogue.action(name).orElseThrow(() -> new IllegalStateException("no fault action '" + name + "'"));
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
        if (!ok || params == null || (target.kind() != Target.Kind.FAULT && resolved.isEmpty())) {
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
            problems.add(doc.problemAt(at + "/for", "action '" + action.id() + "' happens once and cannot take 'for'"));
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
            problems.add(doc.problemAt(where, "action '" + action.id() + "' cannot target '" + target.text() + "' (it takes "
                    + action.targets().stream().flatMap(k -> k.notations().stream()).collect(Collectors.joining(" or ")) + ")"));
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
        if (resolved.nodes().stream().anyMatch(n -> n.kind() == NodeKind.TOXIPROXY)) {
            return "'" + target.text() + "' includes the Toxiproxy server, the harness's own fault injector, which a drill cannot fail";
        }
        return action.refusal(target, resolved, topology, keys(with)).orElse(null);
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
        Map<String, Object> settled = values;
        try {
            settled = action.settle(values, keys(with));
        } catch (IllegalArgumentException e) {
            problems.add(doc.problemAt(at + "/with", e.getMessage()));
            ok = false;
        }
        return ok ? settled : null;
    }

    private Duration time(String pointer) {
        try {
            return Durations.parse(doc.root().at(pointer).asString());
        } catch (IllegalArgumentException e) {
            problems.add(doc.problemAt(pointer, "'" + pointer.substring(pointer.lastIndexOf('/') + 1) + "' " + e.getMessage()));
            return null;
        }
    }

    private static Set<String> keys(JsonNode with) {
        Set<String> keys = new LinkedHashSet<>();
        with.propertyNames().forEach(keys::add);
        return keys;
    }
}
