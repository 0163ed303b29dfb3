package casedrill.stack.remote;

import casedrill.topology.Node;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Patroni's maintenance mode on a deployment the harness did not start, through its REST API only: {@code PATCH /config
 * {"pause": ...}} on the first member that answers (the flag lives in the DCS, so any member serves), then awaited
 * until that member's {@code /config} reads it back and every member that answers reports it in {@code /patroni}: a
 * member sees and acts on the flag only from its next HA loop (loop_wait), and a runbook drill must not let a fault
 * land before every Patroni has stopped failing over by itself. A member that does not answer (its node down) cannot act either
 * way and is not waited for.
 */
final class PatroniPause {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration POLL = Duration.ofMillis(200);

    private final List<Node> members;
    private final Duration requestTimeout;
    private final Duration confirmTimeout;
    private final HttpClient http;

    /** {@code members}: the database nodes with a {@code patroni} endpoint, in the order to try them. */
    PatroniPause(List<Node> members, Duration requestTimeout, Duration confirmTimeout) {
        this.members = List.copyOf(members);
        this.requestTimeout = requestTimeout;
        this.confirmTimeout = confirmTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(requestTimeout).build();
    }

    void set(boolean paused) {
        StringBuilder why = new StringBuilder();
        for (Node member : members) {
            String base = "http://" + member.endpoint("patroni");
            try {
                Answer patched = send(HttpRequest.newBuilder(URI.create(base + "/config"))
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body(paused)))
                        .header("Content-Type", "application/json"));
                if (!patched.ok()) {
                    why.append(why.isEmpty() ? "" : "; ").append("PATCH ").append(base).append("/config answered ").append(patched.status());
                    continue;
                }
                awaitReadBack(member, paused);
                return;
            } catch (IOException e) {
                why.append(why.isEmpty() ? "" : "; ").append(base).append(": ").append(e.getMessage() == null ? e : e.getMessage());
            }
        }
        throw new IllegalStateException("no Patroni member took pause=" + paused + " (" + (why.isEmpty()
                ? "no postgres node has a patroni endpoint" : why) + ")");
    }

    /**
     * Until the patched member's {@code /config} reads the flag and every member that answers reports it in
     * {@code /patroni}; what still lags is named on timeout. Patroni serves {@code /config} from the cluster view of its
     * last HA loop, so even the member that took the PATCH reads it back only a loop later.
     */
    private void awaitReadBack(Node patched, boolean paused) {
        long deadline = System.nanoTime() + confirmTimeout.toNanos();
        while (true) {
            List<String> lagging = new ArrayList<>();
            if (get(patched, "/config").filter(p -> p == paused).isEmpty()) {
                lagging.add(patched.name() + "'s /config");
            }
            for (Node member : members) {
                get(member, "/patroni").filter(p -> p != paused).ifPresent(p -> lagging.add(member.name() + "'s /patroni"));
            }
            if (lagging.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("still no pause=" + paused + " in " + String.join(", ", lagging) + " "
                        + confirmTimeout.toSeconds() + " s after the cluster's configuration was set to it");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Patroni to report pause=" + paused, e);
            }
        }
    }

    /** The flag in the member's answer at {@code path} ({@code /patroni}: what its own HA loop acts on), or empty when it does not answer. */
    private Optional<Boolean> get(Node member, String path) {
        try {
            Answer answer = send(HttpRequest.newBuilder(URI.create("http://" + member.endpoint("patroni") + path)).GET());
            return answer.ok() ? Optional.of(pauseIn(answer.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Answer send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request.timeout(requestTimeout).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to Patroni", e);
        }
    }

    static String body(boolean paused) {
        return "{\"pause\": " + paused + "}";
    }

    /**
     * The pause flag in a {@code /config} or {@code /patroni} body. Patroni leaves the key out when not paused (and
     * {@code PATCH {"pause": false}} removes it from the configuration), so absent means false.
     */
    static boolean pauseIn(String body) {
        JsonNode pause = JSON.readTree(body).path("pause");
        return pause.isBoolean() ? pause.booleanValue() : pause.asString("").equalsIgnoreCase("true");
    }

    private record Answer(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }
}
