package casedrill.stack.recipe;

import casedrill.stack.PatroniMember;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/** Patroni's view of the cluster ({@code GET /cluster}): who leads, who is a synchronous standby, replication lag. */
public final class PatroniCluster {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PatroniCluster() {
    }

    /** The members seen by the first Patroni REST endpoint that answers. */
    public static List<PatroniMember> members(List<String> restEndpoints) {
        for (String endpoint : restEndpoints) {
            Probes.Answer answer = Probes.get("http://" + endpoint + "/cluster");
            if (answer.ok()) {
                return PatroniMember.parse(answer.body());
            }
        }
        return List.of();
    }

    public static Optional<PatroniMember> leader(List<String> restEndpoints) {
        return members(restEndpoints).stream().filter(PatroniMember::leader).findFirst();
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
}
