package casedrill.topology;

import casedrill.notation.Durations;
import casedrill.yaml.InvalidInputException;
import casedrill.yaml.Problem;
import casedrill.yaml.ProblemOrder;
import casedrill.yaml.SchemaCheck;
import casedrill.yaml.SourceDocument;
import casedrill.yaml.YamlReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Loads and validates a topology file; every problem is reported with file:line:column. */
public final class TopologyLoader {
    private static final SchemaCheck SCHEMA = SchemaCheck.fromClasspath("topology.schema.json");

    private TopologyLoader() {
    }

    public static Topology load(Path file) {
        return load(file, file.toString());
    }

    public static Topology load(Path file, String displayName) {
        SourceDocument doc = YamlReader.read(file, displayName);
        List<Problem> problems = SCHEMA.check(doc);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Topology topology = bind(doc);
        problems.addAll(new TopologyRules(topology, doc).check());
        if (!problems.isEmpty()) {
            problems.sort(ProblemOrder.INSTANCE);
            throw new InvalidInputException(problems);
        }
        return topology;
    }

    private static Topology bind(SourceDocument doc) {
        JsonNode root = doc.root();
        Map<String, Site> sites = new LinkedHashMap<>();
        root.get("sites").properties().forEach(e -> sites.put(e.getKey(), new Site(e.getKey(),
                e.getValue().path("description").asString(""), e.getValue().get("addresses").asString())));
        Map<String, Node> nodes = new LinkedHashMap<>();
        root.get("nodes").properties().forEach(e -> {
            JsonNode n = e.getValue();
            Map<String, Integer> ports = new LinkedHashMap<>();
            n.get("ports").properties().forEach(p -> ports.put(p.getKey(), p.getValue().asInt()));
            nodes.put(e.getKey(), new Node(e.getKey(), NodeKind.of(n.get("kind").asString()), n.get("site").asString(),
                    n.get("address").asString(), ports));
        });
        Map<String, Link> links = new LinkedHashMap<>();
        root.get("links").properties().forEach(e -> {
            JsonNode l = e.getValue();
            List<String> from = new ArrayList<>();
            l.get("from").forEach(f -> from.add(f.asString()));
            links.put(e.getKey(), new Link(e.getKey(), from, l.get("to").asString(), l.get("port").asString(),
                    l.get("listen").asString()));
        });
        return new Topology(root.get("topology").asString(), root.path("description").asString(""), doc.path(),
                sites, nodes, links, patroni(root.get("patroni")));
    }

    private static PatroniTimings patroni(JsonNode p) {
        PatroniTimings d = PatroniTimings.DEFAULTS;
        if (p == null) {
            return d;
        }
        return new PatroniTimings(duration(p, "ttl", d.ttl()), duration(p, "loopWait", d.loopWait()),
                duration(p, "retryTimeout", d.retryTimeout()), p.path("synchronousMode").asBoolean(d.synchronousMode()));
    }

    private static Duration duration(JsonNode parent, String key, Duration fallback) {
        JsonNode v = parent.get(key);
        return v == null ? fallback : Durations.parse(v.asString());
    }
}
