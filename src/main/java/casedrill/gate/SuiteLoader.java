package casedrill.gate;

import casedrill.fault.FaultRegistry;
import casedrill.notation.Durations;
import casedrill.notation.Percentage;
import casedrill.scenario.ScenarioLoader;
import casedrill.yaml.InvalidInputException;
import casedrill.yaml.Problem;
import casedrill.yaml.ProblemOrder;
import casedrill.yaml.SchemaCheck;
import casedrill.yaml.SourceDocument;
import casedrill.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads a suite file ({@code scenarios/suites/*.yaml}); every referenced scenario must exist and be
 * valid, and appear once. Problems are reported as file:line:column, all of them at once.
 */
public final class SuiteLoader {
    private static final SchemaCheck SCHEMA = SchemaCheck.fromClasspath("suite.schema.json");

    private SuiteLoader() {
    }

    public static Suite load(Path file) {
        SourceDocument doc = YamlReader.read(file, file.toString());
        List<Problem> problems = new ArrayList<>(SCHEMA.check(doc));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        JsonNode root = doc.root();
        List<Suite.Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        JsonNode list = root.get("scenarios");
        for (int i = 0; i < list.size(); i++) {
            String pointer = SourceDocument.child("/scenarios", i);
            Suite.Entry entry = entry(doc, list.get(i), pointer, problems);
            if (entry != null) {
                Integer earlier = seen.putIfAbsent(entry.scenarioId(), i);
                if (earlier != null) {
                    problems.add(doc.problemAt(pointer + "/scenario", "scenario '" + entry.scenarioId()
                            + "' is already in this suite (entry " + (earlier + 1) + ")"));
                }
                entries.add(entry);
            }
        }
        Suite.Tolerance tolerance = tolerance(root.path("tolerance"));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().sorted(ProblemOrder.INSTANCE).toList());
        }
        return new Suite(root.get("suite").asString(), root.get("title").asString(), file, tolerance, entries);
    }

    private static Suite.Entry entry(SourceDocument doc, JsonNode node, String pointer, List<Problem> problems) {
        String ref = node.get("scenario").asString();
        Path path = doc.path().toAbsolutePath().getParent().resolve(ref).normalize();
        Path shown = Path.of(doc.displayName()).resolveSibling(ref).normalize();
        if (!Files.isRegularFile(path)) {
            problems.add(doc.problemAt(pointer + "/scenario", "scenario file '" + ref + "' not found (looked for " + shown + ")"));
            return null;
        }
        String id;
        try {
            id = ScenarioLoader.load(path, shown.toString(), FaultRegistry.ACTIONS).id();
        } catch (InvalidInputException e) {
            problems.add(doc.problemAt(pointer + "/scenario", "scenario file '" + ref + "' is invalid: "
                    + e.problems().get(0) + (e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more; run 'validate " + shown + "')" : "")));
            return null;
        }
        JsonNode targets = node.path("targets");
        Suite.Overrides overrides = new Suite.Overrides(duration(targets.get("rto")), duration(targets.get("rpo")),
                Optional.ofNullable(targets.get("errorBudget")).map(t -> Percentage.parse(t.asString()).value()));
        String expected = node.has("expect") ? node.get("expect").asString() : "PASS";
        return new Suite.Entry(id, path, expected, overrides);
    }

    private static Suite.Tolerance tolerance(JsonNode node) {
        Optional<String> rto = Optional.ofNullable(node.get("rto")).map(JsonNode::asString);
        Optional<Double> relative = rto.filter(r -> r.endsWith("%")).map(r -> Double.parseDouble(r.substring(0, r.length() - 1)) / 100);
        Optional<Duration> absolute = rto.filter(r -> !r.endsWith("%")).map(Durations::parse);
        double points = Optional.ofNullable(node.get("errorBudget")).map(t -> Percentage.parse(t.asString()).value()).orElse(0.0);
        return new Suite.Tolerance(absolute, relative, points);
    }

    private static Optional<Duration> duration(JsonNode node) {
        return Optional.ofNullable(node).map(n -> Durations.parse(n.asString()));
    }
}
