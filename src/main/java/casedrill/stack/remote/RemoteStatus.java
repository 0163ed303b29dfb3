package casedrill.stack.remote;

import casedrill.stack.PatroniMember;
import casedrill.stack.StackLayout;
import casedrill.stack.StackStatus;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A remote deployment's status from the outside: Patroni's {@code /cluster} from the first database node that answers,
 * and one bounded probe per node (HTTP readiness for apps, etcd's /health, a TCP connect for the rest). The harness
 * owns no process there, so pid is -1 and the process column says what the probe saw.
 */
final class RemoteStatus {
    /** The port a TCP probe tries first: the one clients use (a node's ports come in no fixed order). */
    private static final List<String> PROBED_PORTS = List.of("postgres", "primary", "http", "client");
    private final Duration timeout;
    private final HttpClient http;

    RemoteStatus(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    StackStatus read(String id, String source, StackLayout layout) {
        List<PatroniMember> members = members(layout);
        String leader = members.stream().filter(PatroniMember::leader).map(PatroniMember::name).findFirst().orElse("none");
        List<StackStatus.Node> nodes = new ArrayList<>();
        for (Node node : layout.nodes()) {
            Probe probe = probe(node);
            String role = node.kind() == NodeKind.POSTGRES
                    ? members.stream().filter(m -> m.name().equals(node.name())).map(PatroniMember::role).findFirst().orElse("unknown")
                    : node.kind().id();
            nodes.add(new StackStatus.Node(node.name(), node.site(), node.kind().id(), role, node.address(), -1,
                    probe.ok() ? "answering" : "not answering", probe.ok(), probe.detail()));
        }
        List<StackStatus.Replica> replication = members.stream()
                .map(m -> new StackStatus.Replica(m.name(), m.role(), m.state(), m.lagBytes(), m.timeline())).toList();
        return new StackStatus(id, source, leader, nodes, replication);
    }

    private List<PatroniMember> members(StackLayout layout) {
        for (Node node : layout.nodes()) {
            if (node.kind() == NodeKind.POSTGRES && node.ports().containsKey("patroni")) {
                Probe answer = get("http://" + node.endpoint("patroni") + "/cluster");
                if (answer.ok()) {
                    return PatroniMember.parse(answer.detail());
                }
            }
        }
        return List.of();
    }

    private Probe probe(Node node) {
        if (node.kind() == NodeKind.APP && node.ports().containsKey("http")) {
            return summarised(get("http://" + node.endpoint("http") + "/actuator/health/readiness"));
        }
        if (node.kind() == NodeKind.ETCD && node.ports().containsKey("client")) {
            return summarised(get("http://" + node.endpoint("client") + "/health"));
        }
        String port = PROBED_PORTS.stream().filter(node.ports()::containsKey).findFirst()
                .orElse(node.ports().keySet().stream().sorted().findFirst().orElse(null));
        if (port == null) {
            return new Probe(false, "no endpoint to probe");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(node.address(), node.ports().get(port)), (int) timeout.toMillis());
            return new Probe(true, "tcp " + node.endpoint(port) + " accepts");
        } catch (IOException e) {
            return new Probe(false, "tcp " + node.endpoint(port) + ": " + e.getMessage());
        }
    }

    private static Probe summarised(Probe answer) {
        return answer.ok() ? new Probe(true, "ready") : answer;
    }

    /** ok with the body on 2xx; otherwise the reason, naming the URL. */
    private Probe get(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? new Probe(true, response.body())
                    : new Probe(false, url + " answered " + response.statusCode());
        } catch (IOException e) {
            return new Probe(false, url + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(false, url + " interrupted");
        }
    }

    private record Probe(boolean ok, String detail) {
    }
}
