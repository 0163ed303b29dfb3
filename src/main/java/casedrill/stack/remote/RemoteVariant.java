package casedrill.stack.remote;

import casedrill.topology.DbVariant;
import casedrill.stack.StackLayout;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database tier's variant as the deployment runs it, read from Patroni's REST API of the first database node that
 * answers: {@code synchronous_mode} and {@code pause} from {@code /config}, the version from {@code /patroni}. The
 * harness did not build it, so this is what a drill checks its scenario's {@code stack:} block against. Patroni 3.x
 * maps to the "3.0.2" variant (the only 3.x the harness models), 4.x and later to "4"; whether the app nodes dial the
 * database through routers or a multi-host URL is not visible from outside, so it reads as router.
 */
final class RemoteVariant {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RemoteVariant() {
    }

    static DbVariant read(StackLayout layout, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        StringBuilder why = new StringBuilder();
        for (Node node : layout.nodesOf(NodeKind.POSTGRES)) {
            if (!node.ports().containsKey("patroni")) {
                continue;
            }
            String base = "http://" + node.endpoint("patroni");
            try {
                JsonNode config = get(http, base + "/config", timeout);
                JsonNode patroni = get(http, base + "/patroni", timeout);
                String version = patroni.path("patroni").path("version").asString("");
                return new DbVariant(config.path("synchronous_mode").asBoolean(false), version.startsWith("3.") ? "3.0.2" : "4",
                        false, config.path("pause").asBoolean(false));
            } catch (IOException | RuntimeException e) {
                why.append(why.isEmpty() ? "" : "; ").append(base).append(": ").append(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading Patroni's configuration", e);
            }
        }
        throw new IllegalStateException("no Patroni REST API answered, so the deployment's variant is unknown ("
                + (why.isEmpty() ? "no postgres node has a patroni endpoint" : why) + ")");
    }

    private static JsonNode get(HttpClient http, String url, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }
}
