package casedrill.stack.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Patroni's view of the cluster ({@code GET /cluster}): who leads, who is a synchronous standby, replication lag. */
public final class PatroniCluster {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PatroniCluster() {
    }

    /** One member as Patroni reports it; lag in bytes and timeline, -1 when unknown. */
    public record Member(String name, String role, String state, long lagBytes, long timeline) {
        public boolean leader() {
            return role.equals("leader") || role.equals("standby_leader");
        }
    }

    /** The members seen by the first Patroni REST endpoint that answers. */
    public static List<Member> members(List<String> restEndpoints) {
        for (String endpoint : restEndpoints) {
            Probes.Answer answer = Probes.get("http://" + endpoint + "/cluster");
            if (answer.ok()) {
                return parse(answer.body());
            }
        }
        return List.of();
    }

    public static Optional<Member> leader(List<String> restEndpoints) {
        return members(restEndpoints).stream().filter(Member::leader).findFirst();
    }

    /** Whether the cluster is in maintenance mode, as the first answering member reports it. */
    public static boolean paused(List<String> restEndpoints) {
        for (String endpoint : restEndpoints) {
            Probes.Answer answer = Probes.get("http://" + endpoint + "/cluster");
            if (answer.ok()) {
                return JSON.readTree(answer.body()).path("pause").asBoolean(false);
            }
        }
        return false;
    }

    static List<Member> parse(String body) {
        List<Member> members = new ArrayList<>();
        for (JsonNode m : JSON.readTree(body).path("members")) {
            JsonNode lag = m.path("lag");
            JsonNode timeline = m.path("timeline");
            members.add(new Member(m.path("name").asString(), m.path("role").asString(), m.path("state").asString(),
                    lag.isNumber() ? lag.asLong() : -1, timeline.isNumber() ? timeline.asLong() : -1));
        }
        return members;
    }
}
