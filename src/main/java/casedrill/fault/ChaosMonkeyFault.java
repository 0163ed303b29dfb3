package casedrill.fault;

import static casedrill.scenario.ParamSpec.Type.DURATION;
import static casedrill.scenario.ParamSpec.Type.INTEGER;
import static casedrill.scenario.ParamSpec.choice;
import static casedrill.scenario.ParamSpec.optional;

import casedrill.notation.Durations;
import casedrill.scenario.FaultAction;
import casedrill.scenario.FaultStep;
import casedrill.stack.EffectiveAt;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import casedrill.topology.ResolvedTarget;
import casedrill.topology.Target;
import casedrill.topology.Target.Kind;
import casedrill.topology.Topology;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Chaos Monkey for Spring Boot assault on the target's app nodes, through each node's actuator:
 * configure the assault everywhere, then enable. Heal disables the monkey and switches every assault off,
 * then reads both back; a node that no longer answers (kill-app did its work) is started again first.
 */
final class ChaosMonkeyFault extends StepFault {
    static final FaultDefinition DEFINITION = new DefinedAction("chaos-monkey",
            "Chaos Monkey for Spring Boot assault on app nodes (a site means all its app nodes)",
            EnumSet.of(Kind.NODE, Kind.SITE), DefinedAction.HEALED, List.of(
            choice("assault", true, null, "which assault", "latency", "exception", "kill-app"),
            optional("latencyRangeStart", DURATION, "300ms", "latency assault: shortest added latency"),
            optional("latencyRangeEnd", DURATION, "500ms", "latency assault: longest added latency"),
            optional("level", INTEGER, "1", "attack every n-th request")), (step, ctx) -> new ChaosMonkeyFault(step, ctx, Params.of(step.params()))) {
        @Override
        public List<Node> nodesActedOn(ResolvedTarget resolved) {
            return resolved.nodes().stream().filter(n -> n.kind() == NodeKind.APP).toList();
        }

        @Override
        public Optional<String> refusal(Target target, ResolvedTarget resolved, Topology topology, Set<String> given) {
            List<Node> nodes = resolved.nodes();
            if (nodesActedOn(resolved).isEmpty()) {
                return Optional.of("action 'chaos-monkey' needs app nodes, but '" + target.text() + "' has none");
            }
            if (target.kind() == Kind.NODE && nodes.get(0).kind() != NodeKind.APP) {
                return Optional.of("action 'chaos-monkey' needs an app node, but '" + target.text() + "' is "
                        + FaultAction.article(nodes.get(0).kind().id()) + " node");
            }
            return Optional.empty();
        }

        /** The latency range belongs to the latency assault alone: its defaults are dropped for the others. */
        @Override
        public Map<String, Object> settle(Map<String, Object> values, Set<String> given) {
            Map<String, Object> settled = new LinkedHashMap<>(values);
            Object assault = settled.get("assault");
            if (!"latency".equals(assault)) {
                settled.remove("latencyRangeStart");
                settled.remove("latencyRangeEnd");
            }
            Duration from = (Duration) settled.get("latencyRangeStart");
            Duration to = (Duration) settled.get("latencyRangeEnd");
            if (from != null && to != null && from.compareTo(to) > 0) {
                throw new IllegalArgumentException("'with.latencyRangeStart' (" + Durations.format(from)
                        + ") must not be after 'with.latencyRangeEnd' (" + Durations.format(to) + ")");
            }
            if (!"latency".equals(assault) && (given.contains("latencyRangeStart") || given.contains("latencyRangeEnd"))) {
                throw new IllegalArgumentException("latency ranges only apply to the 'latency' assault, not '" + assault + "'");
            }
            return settled;
        }
    };

    /** The assaults Chaos Monkey for Spring Boot has, by their scenario name and the actuator's switch. */
    enum Assault {
        LATENCY("latency", "latencyActive"), EXCEPTION("exception", "exceptionsActive"), KILL_APP("kill-app", "killApplicationActive");

        final String id;
        final String active;

        Assault(String id, String active) {
            this.id = id;
            this.active = active;
        }

        static Assault of(String id) {
            return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown assault '" + id + "'"));
        }
    }

    /** The latency assault's range of added latency. */
    record LatencyRange(Duration start, Duration end) {
    }

    /** The step's {@code with:}: the assault, its latency range (the latency assault only) and every how many requests it attacks. */
    record Params(Assault assault, Optional<LatencyRange> latency, long level) {
        static Params of(Map<String, Object> with) {
            Assault assault = Assault.of((String) with.get("assault"));
            Optional<LatencyRange> latency = assault == Assault.LATENCY
                    ? Optional.of(new LatencyRange((Duration) with.get("latencyRangeStart"), (Duration) with.get("latencyRangeEnd")))
                    : Optional.empty();
            return new Params(assault, latency, (Long) with.get("level"));
        }
    }

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final List<String> ASSAULTS = Arrays.stream(Assault.values()).map(a -> a.active).toList();

    private final Params params;

    private ChaosMonkeyFault(FaultStep step, FaultContext ctx, Params params) {
        super(step, ctx);
        this.params = params;
    }

    @Override
    public Undo undo() {
        return Undo.assaults(urls());
    }

    /** The assault is configured on every node first; it takes effect when the first node's monkey is enabled. */
    @Override
    public EffectiveAt inject() {
        String assault = assaultJson();
        List<String> urls = urls();
        for (String url : urls) {
            post(url + "/assaults", assault, "configure");
        }
        EffectiveAt first = EffectiveAt.now();
        for (String url : urls) {
            post(url + "/enable", "", "start");
        }
        return first;
    }

    private void post(String url, String json, String what) {
        try {
            ctx.http().post(url, json);
        } catch (IOException e) {
            throw new FaultException("cannot " + what + " the Chaos Monkey assault at " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void heal() {
        List<String> apps = StepTargets.nodes(step);
        List<String> urls = urls();
        for (int i = 0; i < apps.size(); i++) {
            String url = urls.get(i);
            try {
                try {
                    disable(ctx.http(), url);
                } catch (ConnectException down) {
                    // kill-app did its work: a node started again begins with the monkey off, which is read back below
                    ctx.nodes().startIfDown(apps.get(i));
                    disable(ctx.http(), url);
                }
            } catch (IOException | RuntimeException e) {
                throw new FaultException("cannot stop the Chaos Monkey assault at " + url + ": " + e.getMessage(), e);
            }
        }
    }

    /** Disables the monkey and every assault, then reads back that they are off; throws when the actuator does not answer. */
    static void disable(JsonHttp http, String url) throws IOException {
        http.post(url + "/disable", "");
        ObjectNode allOff = JSON.createObjectNode();
        ASSAULTS.forEach(a -> allOff.put(a, false));
        http.post(url + "/assaults", JSON.writeValueAsString(allOff));
        JsonNode status = JSON.readTree(http.get(url + "/status"));
        JsonNode assaults = JSON.readTree(http.get(url + "/assaults"));
        List<String> stillOn = ASSAULTS.stream().filter(a -> assaults.path(a).asBoolean(false)).toList();
        if (status.path("enabled").asBoolean(true) || !stillOn.isEmpty()) {
            throw new IOException("the Chaos Monkey at " + url + " still runs after disabling it (enabled: "
                    + status.path("enabled") + ", assaults on: " + stillOn + ")");
        }
    }

    private List<String> urls() {
        return StepTargets.nodes(step).stream()
                .map(n -> "http://" + ctx.nodes().endpoint(n, "http") + "/actuator/chaosmonkey").toList();
    }

    @Override
    public boolean slowsOnly() {
        return params.assault() == Assault.LATENCY;
    }

    String assaultJson() {
        ObjectNode body = JSON.createObjectNode();
        body.put(params.assault().active, true);
        params.latency().ifPresent(range -> {
            body.put("latencyRangeStart", range.start().toMillis());
            body.put("latencyRangeEnd", range.end().toMillis());
        });
        body.put("level", params.level());
        ASSAULTS.stream().filter(a -> !a.equals(params.assault().active)).forEach(a -> body.put(a, false));
        return JSON.writeValueAsString(body);
    }
}
