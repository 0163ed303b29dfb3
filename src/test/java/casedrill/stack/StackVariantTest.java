package casedrill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import casedrill.stack.local.LocalStack;
import casedrill.stack.recipe.PatroniCluster;
import casedrill.stack.recipe.Probes;
import casedrill.topology.DbVariant;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import casedrill.testing.Needs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every non-default variant at once, to keep the suite short: async replication, Patroni 3.0.2,
 * multi-host JDBC in the app nodes and maintenance mode. The stack must start and serve intakes.
 */
class StackVariantTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void asyncPatroni302MultihostPausedStackStartsAndServesIntakes() throws Exception {
        Needs.that(Files.isExecutable(StackOptions.PATRONI_3), "needs Debian bookworm's patroni package (make deps installs it)");
        DbVariant variant = new DbVariant(false, "3.0.2", true, true);
        LocalStack stack = LocalStack.up(StackLayouts.twoDc(), StackLayouts.fullOptions().withVariant(variant));
        try {
            String rest = stack.state().layout().node("pg-dc1").endpoint("patroni");
            JsonNode config = JSON.readTree(Probes.get("http://" + rest + "/config").body());
            assertThat(config.path("synchronous_mode").asBoolean(true)).as("Patroni synchronous_mode").isFalse();
            assertThat(config.path("pause").asBoolean(false)).as("Patroni pause").isTrue();
            JsonNode patroni = JSON.readTree(Probes.get("http://" + rest + "/patroni").body());
            assertThat(patroni.path("patroni").path("version").asString()).as("Patroni version").isEqualTo("3.0.2");
            assertThat(PatroniCluster.paused(List.of(rest))).as("cluster paused").isTrue();
            EdgeClient edge = new EdgeClient(stack);
            Optional<EdgeClient.Ack> ack = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> edge.intake("variant-1", Duration.ofSeconds(5)), Optional::isPresent);
            assertThat(StackProbe.caseIds(stack, "pg-dc1")).as("intake on the primary").contains(ack.orElseThrow().caseId());
            stack.maintenanceMode(false);
            assertThat(PatroniCluster.paused(List.of(rest))).as("cluster paused after resuming").isFalse();
            System.out.printf("variant stack start phases: %s%n", stack.startPhases());
        } finally {
            StackProbe.downCleanly(stack);
        }
    }
}
