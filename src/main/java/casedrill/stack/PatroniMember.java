package casedrill.stack;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One member of Patroni's {@code GET /cluster} answer; lag in bytes and timeline, -1 when unknown. Here rather than
 * in a provider because the local and remote providers both read the same answer.
 */
public record PatroniMember(String name, String role, String state, long lagBytes, long timeline) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public boolean leader() {
        return role.equals("leader") || role.equals("standby_leader");
    }

    /** The members of a {@code /cluster} answer body. */
    public static List<PatroniMember> parse(String body) {
        List<PatroniMember> members = new ArrayList<>();
        for (JsonNode m : JSON.readTree(body).path("members")) {
            JsonNode lag = m.path("lag");
            JsonNode timeline = m.path("timeline");
            members.add(new PatroniMember(m.path("name").asString(), m.path("role").asString(), m.path("state").asString(),
                    lag.isNumber() ? lag.asLong() : -1, timeline.isNumber() ? timeline.asLong() : -1));
        }
        return members;
    }
}
