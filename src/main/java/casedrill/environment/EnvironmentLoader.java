package casedrill.environment;

import casedrill.notation.Durations;
import casedrill.topology.Topology;
import casedrill.topology.TopologyLoader;
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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Loads and validates an environment file and the topology it names; every problem is reported with
 * file:line:column. Nothing is contacted: hosts, keys and variables are checked only as written.
 */
public final class EnvironmentLoader {
    private static final SchemaCheck SCHEMA = SchemaCheck.fromClasspath("environment.schema.json");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private EnvironmentLoader() {
    }

    public static Environment load(Path file) {
        return load(file, file.toString());
    }

    public static Environment load(Path file, String displayName) {
        SourceDocument doc = YamlReader.read(file, displayName);
        List<Problem> problems = new ArrayList<>(SecretScan.scan(doc));
        if (problems.isEmpty()) {
            problems.addAll(SCHEMA.check(doc));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Path folder = file.toAbsolutePath().getParent();
        Path topologyFile = folder.resolve(doc.root().get("topology").asString()).normalize();
        if (!Files.isRegularFile(topologyFile)) {
            throw new InvalidInputException(doc.problemAt("/topology", "topology file '" + doc.root().get("topology").asString()
                    + "' does not exist (paths are relative to the environment file)"));
        }
        Topology topology = TopologyLoader.load(topologyFile);
        Binding binding = new Binding(doc, folder);
        Environment environment = binding.bind(topology);
        problems.addAll(binding.problems);
        problems.addAll(new EnvironmentRules(environment, doc).check());
        if (!problems.isEmpty()) {
            problems.sort(ProblemOrder.INSTANCE);
            throw new InvalidInputException(problems);
        }
        return environment;
    }

    /** Turns the schema-valid tree into records; SSH settings missing at both levels are problems, not defaults. */
    private static final class Binding {
        private final SourceDocument doc;
        private final Path folder;
        private final List<Problem> problems = new ArrayList<>();

        Binding(SourceDocument doc, Path folder) {
            this.doc = doc;
            this.folder = folder;
        }

        Environment bind(Topology topology) {
            JsonNode root = doc.root();
            List<String> allow = new ArrayList<>();
            root.get("allow").forEach(h -> allow.add(h.asString().toLowerCase(java.util.Locale.ROOT)));
            Set<String> forbid = new LinkedHashSet<>();
            root.path("forbid").forEach(a -> forbid.add(a.asString()));
            JsonNode radius = root.path("maxBlastRadius");
            BlastRadius blast = new BlastRadius(optionalInt(radius.get("sites")), optionalInt(radius.get("nodes")));
            JsonNode db = root.get("database");
            Optional<DatabaseAccess> database = db == null ? Optional.empty() : Optional.of(new DatabaseAccess(
                    db.get("name").asString(), db.get("userEnv").asString(), db.get("passwordEnv").asString()));
            JsonNode tokens = root.get("apiTokens");
            Optional<ApiTokens> apiTokens = tokens == null ? Optional.empty() : Optional.of(new ApiTokens(
                    tokens.get("clientEnv").asString(), tokens.get("officerEnv").asString(), tokens.get("partnerEnv").asString()));
            Map<String, EnvironmentNode> nodes = new LinkedHashMap<>();
            JsonNode sshDefaults = root.path("ssh");
            root.get("nodes").properties().forEach(e -> nodes.put(e.getKey(), node(e.getKey(), e.getValue(), sshDefaults)));
            Map<String, LinkProxy> links = new LinkedHashMap<>();
            root.path("links").properties().forEach(e -> links.put(e.getKey(), new LinkProxy(e.getKey(),
                    e.getValue().get("toxiproxy").asString(), e.getValue().get("proxy").asString())));
            Map<String, PartitionTemplate> partitions = new LinkedHashMap<>();
            root.path("partitions").properties().forEach(e -> partitions.put(e.getKey(), new PartitionTemplate(e.getKey(),
                    e.getValue().get("cut").asString(), e.getValue().get("heal").asString())));
            return new Environment(root.get("environment").asString(), root.path("description").asString(""), doc.path(),
                    topology, allow, forbid, blast, root.get("edge").asString(), database, apiTokens, nodes, links, partitions);
        }

        private EnvironmentNode node(String name, JsonNode n, JsonNode sshDefaults) {
            String host = n.get("host").asString().toLowerCase(java.util.Locale.ROOT);
            Map<String, Integer> endpoints = new LinkedHashMap<>();
            n.path("endpoints").properties().forEach(p -> endpoints.put(p.getKey(), p.getValue().asInt()));
            JsonNode control = n.get("control");
            String at = SourceDocument.child("/nodes", name) + "/control";
            NodeControl nodeControl = control.has("ssh")
                    ? ssh(host, control.get("ssh"), sshDefaults, at + "/ssh")
                    : new NodeControl.Local(commands(control.get("command")), DEFAULT_TIMEOUT);
            return new EnvironmentNode(name, host, endpoints, nodeControl);
        }

        private NodeControl.Ssh ssh(String nodeHost, JsonNode ssh, JsonNode defaults, String at) {
            String host = text(ssh, defaults, "host").orElse(nodeHost).toLowerCase(java.util.Locale.ROOT);
            Optional<String> user = text(ssh, defaults, "user");
            Optional<String> knownHosts = text(ssh, defaults, "knownHosts");
            Optional<String> identity = text(ssh, defaults, "identityFile");
            boolean agent = (ssh.has("agent") ? ssh.get("agent") : defaults.path("agent")).asBoolean(false);
            if (user.isEmpty()) {
                problems.add(doc.problemAt(at, "SSH control needs a user (here or in the top-level ssh defaults)"));
            }
            if (knownHosts.isEmpty()) {
                problems.add(doc.problemAt(at, "SSH control needs a knownHosts file holding the host's key (here or in the"
                        + " top-level ssh defaults); host keys are never accepted unseen"));
            }
            if (identity.isEmpty() && !agent) {
                problems.add(doc.problemAt(at, "SSH control needs an identityFile or agent: true (here or in the top-level ssh defaults)"));
            }
            int port = (ssh.has("port") ? ssh.get("port") : defaults.path("port")).asInt(22);
            Duration timeout = text(ssh, defaults, "timeout").map(Durations::parse).orElse(DEFAULT_TIMEOUT);
            SshTarget target = new SshTarget(host, user.orElse(""), port, identity.map(this::path), agent,
                    knownHosts.map(this::path).orElse(Path.of("")));
            Map<ControlAction, String> commands = new EnumMap<>(ControlAction.class);
            commands.putAll(commands(defaults.path("commands")));
            commands.putAll(commands(ssh.path("commands")));
            return new NodeControl.Ssh(target, text(ssh, defaults, "unit"), commands, timeout);
        }

        private Path path(String written) {
            if (written.startsWith("~/")) {
                return Path.of(System.getProperty("user.home")).resolve(written.substring(2));
            }
            return folder.resolve(written).normalize();
        }

        private static Optional<String> text(JsonNode own, JsonNode defaults, String key) {
            JsonNode v = own.has(key) ? own.get(key) : defaults.get(key);
            return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asString());
        }

        private static Map<ControlAction, String> commands(JsonNode commands) {
            Map<ControlAction, String> map = new EnumMap<>(ControlAction.class);
            if (commands != null) {
                commands.properties().forEach(c -> ControlAction.of(c.getKey()).ifPresent(a -> map.put(a, c.getValue().asString())));
            }
            return map;
        }

        private static OptionalInt optionalInt(JsonNode v) {
            return v == null ? OptionalInt.empty() : OptionalInt.of(v.asInt());
        }
    }
}
