package casedrill.failover;

import casedrill.notation.Durations;
import casedrill.topology.NodeKind;
import casedrill.topology.Topology;
import casedrill.yaml.InvalidInputException;
import casedrill.yaml.Problem;
import casedrill.yaml.ProblemOrder;
import casedrill.yaml.SchemaCheck;
import casedrill.yaml.SourceDocument;
import casedrill.yaml.YamlReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Loads a runbook and checks it against the topology it will run on. */
public final class RunbookLoader {
    private static final SchemaCheck SCHEMA = SchemaCheck.fromClasspath("runbook.schema.json");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_INTERVAL = Duration.ofMillis(500);
    static final Duration DEFAULT_MANUAL_DELAY = Duration.ofSeconds(5);

    private RunbookLoader() {
    }

    public static Runbook load(Path file, String displayName, Topology topology) {
        SourceDocument doc = YamlReader.read(file, displayName);
        List<Problem> problems = new ArrayList<>(SCHEMA.check(doc));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        JsonNode root = doc.root();
        List<RunbookStep> steps = new ArrayList<>();
        JsonNode stepNodes = root.get("steps");
        java.util.Map<String, Integer> names = new java.util.HashMap<>();
        for (int i = 0; i < stepNodes.size(); i++) {
            RunbookStep step = step(stepNodes.get(i), "/steps/" + i, doc, topology, problems);
            Integer first = names.putIfAbsent(step.name(), i + 1);
            if (first != null) {
                problems.add(doc.problemAt("/steps/" + i + "/name", "step name '" + step.name() + "' is already used by step "
                        + first + "; names identify steps in reports"));
            }
            checkTimes(step, "/steps/" + i, doc, problems);
            steps.add(step);
        }
        if (!problems.isEmpty()) {
            problems.sort(ProblemOrder.INSTANCE);
            throw new InvalidInputException(problems);
        }
        return new Runbook(root.get("runbook").asString(), root.get("title").asString(),
                root.path("description").asString(""), file, steps);
    }

    private static RunbookStep step(JsonNode s, String at, SourceDocument doc, Topology topology, List<Problem> problems) {
        RunbookStep.Kind kind = RunbookStep.Kind.valueOf(s.get("kind").asString().toUpperCase(Locale.ROOT));
        List<String> run = new ArrayList<>();
        s.path("run").forEach(a -> run.add(a.asString()));
        for (int i = 0; i < run.size(); i++) {
            checkPlaceholders(run.get(i), at + "/run/" + i, doc, topology, problems);
        }
        Optional<RunbookStep.HttpCheck> http = Optional.ofNullable(s.get("http")).map(h -> {
            for (String field : List.of("url", "body", "expectBody")) {
                checkPlaceholders(h.path(field).asString(""), at + "/http/" + field, doc, topology, problems);
            }
            return new RunbookStep.HttpCheck(h.path("method").asString("GET"), h.get("url").asString(),
                    h.path("body").asString(""), h.path("expectStatus").asInt(200), h.path("expectBody").asString(""));
        });
        Optional<RunbookStep.SqlCheck> sql = Optional.ofNullable(s.get("sql")).map(q -> {
            String on = q.get("on").asString();
            checkPlaceholders(q.get("query").asString(), at + "/sql/query", doc, topology, problems);
            checkPlaceholders(q.path("expect").asString(""), at + "/sql/expect", doc, topology, problems);
            var node = topology.node(on);
            if (node.isEmpty() || (node.get().kind() != NodeKind.POSTGRES && node.get().kind() != NodeKind.DB_ROUTER)) {
                problems.add(doc.problemAt(at + "/sql/on", "sql step runs on '" + on + "', which is not a postgres or db-router node of topology "
                        + topology.name() + " (candidates: " + String.join(", ", databaseNodes(topology)) + ")"));
            }
            return new RunbookStep.SqlCheck(on, q.get("query").asString(), q.path("expect").asString(null));
        });
        return new RunbookStep(s.get("name").asString(), kind,
                RunbookStep.Phase.valueOf(s.path("phase").asString("act").toUpperCase(Locale.ROOT)),
                duration(s, "timeout", DEFAULT_TIMEOUT), run, s.path("expectExit").asInt(0), http, sql,
                duration(s, "interval", DEFAULT_INTERVAL), s.path("prompt").asString(""),
                duration(s, "delay", DEFAULT_MANUAL_DELAY));
    }

    /** Polling slower than the deadline, or an auto-acknowledge after it, could never succeed. */
    private static void checkTimes(RunbookStep step, String at, SourceDocument doc, List<Problem> problems) {
        if (step.kind() == RunbookStep.Kind.AWAIT && step.interval().compareTo(step.timeout()) > 0) {
            problems.add(doc.problemAt(at + "/interval", "step '" + step.name() + "' polls every " + Durations.format(step.interval())
                    + ", longer than its timeout of " + Durations.format(step.timeout())));
        }
        if (step.kind() == RunbookStep.Kind.MANUAL && step.delay().compareTo(step.timeout()) > 0) {
            problems.add(doc.problemAt(at + "/delay", "step '" + step.name() + "' is acknowledged after " + Durations.format(step.delay())
                    + ", later than its timeout of " + Durations.format(step.timeout())));
        }
    }

    private static List<String> databaseNodes(Topology topology) {
        List<String> names = new ArrayList<>();
        topology.nodesOfKind(NodeKind.POSTGRES).forEach(n -> names.add(n.name()));
        topology.nodesOfKind(NodeKind.DB_ROUTER).forEach(n -> names.add(n.name()));
        return names;
    }

    /** ${pg-dc1.patroni} must name a node and one of its ports, or {@code host}. */
    private static void checkPlaceholders(String text, String at, SourceDocument doc, Topology topology, List<Problem> problems) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String ref = m.group(1);
            int dot = ref.indexOf('.');
            var node = dot < 0 ? Optional.<casedrill.topology.Node>empty() : topology.node(ref.substring(0, dot));
            String port = dot < 0 ? "" : ref.substring(dot + 1);
            if (node.isEmpty() || !(Placeholders.HOST.equals(port) || node.get().ports().containsKey(port))) {
                problems.add(doc.problemAt(at, "placeholder '${" + ref + "}' does not name a node and port of topology "
                        + topology.name() + " (write ${<node>.<port>}, e.g. ${pg-dc1.patroni}, or ${<node>.host} for its address)"));
            }
        }
    }

    private static Duration duration(JsonNode parent, String key, Duration fallback) {
        JsonNode v = parent.get(key);
        return v == null ? fallback : Durations.parse(v.asString());
    }
}
