package casedrill.stack;

import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Chaos Monkey idle on every app node, as the service starts: the monkey disabled and no assault switched on. */
final class BaselineAssaults {
    private static final List<String> ASSAULTS = List.of("latencyActive", "exceptionsActive", "killApplicationActive");
    private static final String ALL_OFF = "{\"latencyActive\":false,\"exceptionsActive\":false,\"killApplicationActive\":false}";

    private BaselineAssaults() {
    }

    /** Switches off what is on; returns the app nodes whose monkey or assaults it stopped. */
    static List<BaselineCheck.Repair> restore(StackLayout layout) throws IOException {
        List<BaselineCheck.Repair> repairs = new ArrayList<>();
        for (Node app : layout.nodesOf(NodeKind.APP)) {
            if (!stillOn(app).isEmpty()) {
                String monkey = actuator(app);
                BaselineHttp.post(monkey + "/disable", "", Duration.ofSeconds(5));
                BaselineHttp.post(monkey + "/assaults", ALL_OFF, Duration.ofSeconds(5));
                repairs.add(new BaselineCheck.Repair(BaselineCheck.Repair.Kind.ASSAULT_STOPPED, app.name()));
            }
        }
        return repairs;
    }

    static BaselineCheck.Check verify(StackLayout layout) {
        List<String> wrong = new ArrayList<>();
        for (Node app : layout.nodesOf(NodeKind.APP)) {
            try {
                List<String> on = stillOn(app);
                if (!on.isEmpty()) {
                    wrong.add(app.name() + " " + on);
                }
            } catch (IOException | RuntimeException e) {
                wrong.add(app.name() + " unreadable (" + e.getMessage() + ")");
            }
        }
        return new BaselineCheck.Check(BaselineCheck.Rule.ASSAULTS, wrong.isEmpty(),
                wrong.isEmpty() ? "Chaos Monkey off on " + layout.nodesOf(NodeKind.APP).size() + " app nodes" : String.join(", ", wrong));
    }

    /** "enabled" and the names of the assaults on, as the actuator reports them. */
    private static List<String> stillOn(Node app) throws IOException {
        String monkey = actuator(app);
        List<String> on = new ArrayList<>();
        if (JsonMapper.shared().readTree(BaselineHttp.get(monkey + "/status")).path("enabled").asBoolean(false)) {
            on.add("enabled");
        }
        JsonNode assaults = JsonMapper.shared().readTree(BaselineHttp.get(monkey + "/assaults"));
        ASSAULTS.stream().filter(a -> assaults.path(a).asBoolean(false)).forEach(on::add);
        return on;
    }

    private static String actuator(Node app) {
        return "http://" + app.endpoint("http") + "/actuator/chaosmonkey";
    }
}
