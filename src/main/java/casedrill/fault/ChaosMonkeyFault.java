package casedrill.fault;

import casedrill.scenario.FaultStep;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

/**
 * A Chaos Monkey for Spring Boot assault on the target's app nodes, through each node's actuator:
 * configure the assault, then enable. Heal disables the monkey and switches every assault off;
 * a node that no longer answers (kill-app did its work) is started again.
 */
final class ChaosMonkeyFault extends StepFault {
    ChaosMonkeyFault(FaultStep step, FaultContext ctx) {
        super(step, ctx);
    }

    static final String ALL_OFF = "{\"latencyActive\":false,\"exceptionsActive\":false,\"killApplicationActive\":false}";

    @Override
    public Undo undo() {
        return Undo.assaults(urls());
    }

    @Override
    public void inject() {
        String assault = assaultJson();
        for (String url : urls()) {
            try {
                ctx.http().post(url + "/assaults", assault);
                ctx.http().post(url + "/enable", "");
            } catch (IOException e) {
                throw new FaultException("cannot start the Chaos Monkey assault at " + url + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void heal() {
        List<String> apps = StepTargets.appNodes(step);
        for (int i = 0; i < apps.size(); i++) {
            String url = urls().get(i);
            try {
                disable(ctx.http(), url);
            } catch (ConnectException e) {
                ctx.nodes().startIfDown(apps.get(i));
            } catch (IOException e) {
                throw new FaultException("cannot stop the Chaos Monkey assault at " + url + ": " + e.getMessage(), e);
            }
        }
    }

    static void disable(JsonHttp http, String url) throws IOException {
        http.post(url + "/disable", "");
        http.post(url + "/assaults", ALL_OFF);
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
        return switch (String.valueOf(step.params().get("assault"))) {
            case "latency" -> "{\"latencyActive\":true,\"latencyRangeStart\":" + millis("latencyRangeStart")
                    + ",\"latencyRangeEnd\":" + millis("latencyRangeEnd") + ",\"level\":" + level
                    + ",\"exceptionsActive\":false,\"killApplicationActive\":false}";
            case "exception" -> "{\"exceptionsActive\":true,\"level\":" + level
                    + ",\"latencyActive\":false,\"killApplicationActive\":false}";
            case "kill-app" -> "{\"killApplicationActive\":true,\"level\":" + level
                    + ",\"latencyActive\":false,\"exceptionsActive\":false}";
            default -> throw new IllegalArgumentException("unknown assault '" + step.params().get("assault") + "'");
        };
    }

    private long millis(String key) {
        Object value = step.params().get(key);
        return value instanceof Duration d ? d.toMillis() : 0;
    }
}
