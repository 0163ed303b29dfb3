package casedrill.fault;

import casedrill.scenario.FaultStep;
import casedrill.stack.EffectiveAt;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Chaos Monkey for Spring Boot assault on the target's app nodes, through each node's actuator:
 * configure the assault everywhere, then enable. Heal disables the monkey and switches every assault off,
 * then reads both back; a node that no longer answers (kill-app did its work) is started again first.
 */
final class ChaosMonkeyFault extends StepFault {
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final List<String> ASSAULTS = List.of("latencyActive", "exceptionsActive", "killApplicationActive");

    ChaosMonkeyFault(FaultStep step, FaultContext ctx) {
        super(step, ctx);
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
        List<String> apps = StepTargets.appNodes(step);
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
        return StepTargets.appNodes(step).stream()
                .map(n -> "http://" + ctx.nodes().endpoint(n, "http") + "/actuator/chaosmonkey").toList();
    }

    @Override
    public boolean slowsOnly() {
        return "latency".equals(String.valueOf(step.params().get("assault")));
    }

    String assaultJson() {
        long level = ((Number) step.params().getOrDefault("level", 1L)).longValue();
        String assault = String.valueOf(step.params().get("assault"));
        String active = switch (assault) {
            case "latency" -> "latencyActive";
            case "exception" -> "exceptionsActive";
            case "kill-app" -> "killApplicationActive";
            default -> throw new IllegalArgumentException("unknown assault '" + step.params().get("assault") + "'");
        };
        ObjectNode body = JSON.createObjectNode();
        body.put(active, true);
        if (assault.equals("latency")) {
            body.put("latencyRangeStart", millis("latencyRangeStart"));
            body.put("latencyRangeEnd", millis("latencyRangeEnd"));
        }
        body.put("level", level);
        ASSAULTS.stream().filter(a -> !a.equals(active)).forEach(a -> body.put(a, false));
        return JSON.writeValueAsString(body);
    }

    private long millis(String key) {
        Object value = step.params().get(key);
        return value instanceof Duration d ? d.toMillis() : 0;
    }
}
