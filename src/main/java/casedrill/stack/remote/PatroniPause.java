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
 * {"pause": ...}} on the first member that answers (the flag lives in the DCS, so any member serves), read back from
 * that member's {@code /config}, then awaited until every member that answers reports it in {@code /patroni}: a
 * member acts on the flag from its next HA loop (loop_wait), and a runbook drill must not let a fault land before
 * every Patroni has stopped failing over by itself. A member that does not answer (its node down) cannot act either
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
                Answer config = send(HttpRequest.newBuilder(URI.create(base + "/config")).GET());
                if (!config.ok() || pauseIn(config.body()) != paused) {
                    throw new IllegalStateException("Patroni at " + base + " accepted pause=" + paused + " but its /config reads "
                            + (config.ok() ? "pause=" + pauseIn(config.body()) : "answered " + config.status()));
                }
                awaitMembers(paused);
                return;
            } catch (IOException e) {
                why.append(why.isEmpty() ? "" : "; ").append(base).append(": ").append(e.getMessage() == null ? e : e.getMessage());
            }
        }
        throw new IllegalStateException("no Patroni member took pause=" + paused + " (" + (why.isEmpty()
                ? "no postgres node has a patroni endpoint" : why) + ")");
    }

    /** Until every member that answers reports the flag; the ones still lagging are named on timeout. */
    private void awaitMembers(boolean paused) {
        long deadline = System.nanoTime() + confirmTimeout.toNanos();
        while (true) {
            List<String> lagging = new ArrayList<>();
            for (Node member : members) {
                memberPaused(member).filter(p -> p != paused).ifPresent(p -> lagging.add(member.name()));
            }
            if (lagging.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Patroni on " + String.join(", ", lagging) + " still reports pause=" + !paused
                        + " " + confirmTimeout.toSeconds() + " s after the cluster's configuration was set to pause=" + paused);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Patroni to report pause=" + paused, e);
            }
        }
    }

    /** What the member's own HA loop acts on, or empty when it does not answer. */
    private Optional<Boolean> memberPaused(Node member) {
        try {
            Answer answer = send(HttpRequest.newBuilder(URI.create("http://" + member.endpoint("patroni") + "/patroni")).GET());
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
