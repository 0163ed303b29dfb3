package casedrill.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import casedrill.stack.DatabaseProcess;
import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.stack.StackStatus;
import casedrill.topology.DbVariant;
import casedrill.topology.TopologyLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The stack's "3.0.2" variant as containers (issue #18): the same image carries bookworm's patroni package beside
 * Patroni 4, and the variant's binary is what the supervisor starts. Checked from Patroni's own REST API (its
 * reported version), not from the binary's path; a Patroni-only crash and restart go through the same supervisor.
 * Needs a Docker engine and `make images` (make test-docker).
 */
@Tag("docker")
class ContainersPatroni302Test {
    private static final StackLayout TWO_DC = StackLayout.of(TopologyLoader.load(Path.of("scenarios/topology/two-dc.yaml")));
    private static final DbVariant PATRONI_302 = new DbVariant(true, "3.0.2", false, false);

    @Test
    void theVariantRunsPatroni302OnBothDatabasesWithASynchronousStandby() throws Exception {
        StackOptions options = StackOptions.defaults().withVariant(PATRONI_302)
                .withRunRoot(Path.of("target", "containers-p302-stacks").toAbsolutePath());
        ContainersStack stack = (ContainersStack) new ContainersStackProvider().up(TWO_DC, options);
        try {
            assertThat(stack.variant()).isEqualTo(PATRONI_302);
            for (String pg : new String[] {"pg-dc1", "pg-dc2"}) {
                assertThat(patroniVersion(stack, pg)).as("Patroni's version as %s's REST API reports it", pg).isEqualTo("3.0.2");
            }
            assertThat(stack.status().leader()).isEqualTo("pg-dc1");
            // Patroni names the synchronous standby a loop or so after the replica streams (start waits for the latter).
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                StackStatus status = stack.status();
                assertThat(status.replication()).as("members: %s", status.replication())
                        .anySatisfy(r -> {
                            assertThat(r.name()).isEqualTo("pg-dc2");
                            assertThat(r.role()).isEqualTo("sync_standby");
                        });
            });

            PostgresNodeControl standby = stack.postgres("pg-dc2");
            long patroni = standby.patroniPid().orElseThrow();
            long postmaster = standby.postmasterPid().orElseThrow();
            stack.killOnly("pg-dc2", DatabaseProcess.PATRONI);
            assertThat(standby.patroniPid()).as("Patroni 3.0.2 of pg-dc2 after its crash").isEmpty();
            assertThat(standby.postmasterPid()).as("PostgreSQL of pg-dc2 runs on").hasValue(postmaster);
            stack.start("pg-dc2");
            OptionalLong relaunched = standby.patroniPid();
            assertThat(relaunched).as("Patroni of pg-dc2 after start").isPresent();
            assertThat(relaunched.getAsLong()).isNotEqualTo(patroni);
            assertThat(patroniVersion(stack, "pg-dc2")).as("the relaunched Patroni's version").isEqualTo("3.0.2");
        } finally {
            assertThat(stack.down(false)).as("left after down").isEmpty();
        }
    }

    /** GET /patroni at the node's published REST port: {"patroni": {"version": ...}, ...}. */
    private static String patroniVersion(ContainersStack stack, String node) throws IOException, InterruptedException {
        String endpoint = stack.layout().node(node).endpoint("patroni");
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + endpoint + "/patroni")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = new ObjectMapper().readTree(answer.body());
        return body.path("patroni").path("version").asText("");
    }
}
