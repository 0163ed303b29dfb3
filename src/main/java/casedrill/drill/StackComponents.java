package casedrill.drill;

import casedrill.fault.JsonHttp;
import casedrill.stack.HostPort;
import casedrill.stack.RunningStack;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import casedrill.toxiproxy.ToxiproxyClients;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Component versions as the running stack reports them, for result.json; "unknown" where it could not be asked. */
final class StackComponents {
    private StackComponents() {
    }

    static Map<String, String> of(RunningStack stack, JsonHttp http) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("java (harness)", Runtime.version().toString());
        try {
            HostPort api = stack.toxiproxyApi();
            String body = ToxiproxyClients.connect(api.host(), api.port()).version().trim();
            // Toxiproxy 2.x answers {"version": "x"}; 1.x answered the bare version.
            versions.put("toxiproxy", body.startsWith("{") ? JsonMapper.shared().readTree(body).path("version").asString("unknown") : body);
        } catch (Exception e) {
            versions.put("toxiproxy", "unknown");
        }
        versions.put("patroni", "unknown");
        versions.put("postgresql", "unknown");
        for (Node pg : stack.nodes()) {
            if (pg.kind() != NodeKind.POSTGRES) {
                continue;
            }
            try {
                JsonNode patroni = JsonMapper.shared().readTree(http.get("http://" + pg.endpoint("patroni") + "/patroni"));
                versions.put("patroni", patroni.path("patroni").path("version").asString("unknown"));
                long server = patroni.path("server_version").asLong(0);
                versions.put("postgresql", server == 0 ? "unknown" : (server / 10000) + "." + (server % 10000));
                break;
            } catch (Exception e) {
                // ask the next database node
            }
        }
        return versions;
    }
}
