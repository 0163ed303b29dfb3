package casedrill.stack.recipe;

import casedrill.topology.Node;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Patroni's maintenance mode ({@code PATCH /config {"pause": true}}) for runbook drills: Patroni keeps
 * managing PostgreSQL but neither fails over nor demotes by itself, so the runbook is the only way out.
 */
public final class MaintenanceMode {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private MaintenanceMode() {
    }

    public static void pause(RecipeContext ctx, Node leader) {
        set(ctx, leader, true);
    }

    /** Sets the cluster-wide pause flag through {@code leader}'s REST API and waits until Patroni reports it. */
    public static void set(RecipeContext ctx, Node member, boolean paused) {
        String url = "http://" + member.endpoint("patroni") + "/config";
        String body = JsonMapper.shared().writeValueAsString(Map.of("pause", paused));
        HttpRequest patch = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build();
        try {
            HttpResponse<String> answer = HTTP.send(patch, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw ctx.startFailure(member, "PATCH " + url + " " + body + " answered "
                        + answer.statusCode() + ": " + answer.body());
            }
        } catch (IOException e) {
            throw ctx.startFailure(member, "PATCH " + url + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ctx.startFailure(member, "interrupted while pausing Patroni at " + url);
        }
        ReadinessWait.await(member.name(), ctx.log(member.name()), null, ctx.options().readyTimeout(), () ->
                PatroniCluster.paused(List.of(member.endpoint("patroni"))) == paused
                        ? NodeRecipe.Readiness.yes(paused ? "paused" : "resumed")
                        : NodeRecipe.Readiness.no("Patroni does not report pause=" + paused + " yet"));
    }
}
