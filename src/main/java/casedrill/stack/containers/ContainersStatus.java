package casedrill.stack.containers;

import casedrill.stack.PatroniMember;
import casedrill.stack.StackLayout;
import casedrill.stack.StackStatus;
import casedrill.stack.recipe.NodeConfigs;
import casedrill.stack.recipe.RecipeContext;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The status of a containers stack: Patroni's members from the first database node whose REST API answers
 * (the others may be down or paused), each node's process from the engine (running, paused, gone) and, for a
 * running one, its readiness judged by the same recipe as at start.
 */
final class ContainersStatus {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ContainersStatus() {
    }

    static StackStatus read(String id, DockerClient docker, StackLayout hostView, RecipeContext ctx) {
        List<PatroniMember> members = members(hostView);
        String leader = members.stream().filter(PatroniMember::leader).map(PatroniMember::name).findFirst().orElse(null);
        List<StackStatus.Node> nodes = new ArrayList<>();
        for (Node n : hostView.nodes()) {
            InspectContainerResponse.ContainerState s = docker.inspectContainerCmd(NodeContainers.containerName(id, n.name()))
                    .exec().getState();
            String process = Boolean.TRUE.equals(s.getPaused()) ? "paused" : Boolean.TRUE.equals(s.getRunning()) ? "running" : "gone";
            String role = members.stream().filter(m -> m.name().equals(n.name())).map(PatroniMember::role).findFirst()
                    .orElse(n.kind().toString());
            var ready = process.equals("running") ? NodeConfigs.readiness(ctx, n) : null;
            long pid = s.getPidLong() == null ? -1 : s.getPidLong();
            nodes.add(new StackStatus.Node(n.name(), n.site(), n.kind().toString(), role, n.address(), pid, process,
                    ready != null && ready.ready(), ready == null ? process : ready.detail()));
        }
        List<StackStatus.Replica> replication = members.stream()
                .map(m -> new StackStatus.Replica(m.name(), m.role(), m.state(), m.lagBytes(), m.timeline())).toList();
        return new StackStatus(id, ctx.dir().toString(), leader, nodes, replication);
    }

    private static List<PatroniMember> members(StackLayout hostView) {
        for (Node pg : hostView.nodesOf(NodeKind.POSTGRES)) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + pg.endpoint("patroni") + "/cluster"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return PatroniMember.parse(r.body());
                }
            } catch (IOException e) {
                // down or paused: ask the next member
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return List.of();
    }
}
