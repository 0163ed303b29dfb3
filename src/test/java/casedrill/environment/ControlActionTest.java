package casedrill.environment;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.topology.NodeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The node-control actions, their keys in environment.schema.json, and which have a systemd default. */
class ControlActionTest {
    @Test
    void theSchemaAcceptsExactlyTheActionsNodeControlKnows() throws Exception {
        var schema = JsonMapper.shared().readTree(Files.readString(Path.of("scenarios/schema/environment.schema.json")));

        assertThat(schema.at("/$defs/commands/properties").propertyNames()).as("commands in environment.schema.json")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ControlAction.values()).map(ControlAction::key).toList());
    }

    @Test
    void theOneProcessKillsHaveNoSystemdDefaultAndApplyOnlyToPostgresNodes() {
        assertThat(ControlAction.of("kill-patroni")).contains(ControlAction.KILL_PATRONI);
        assertThat(ControlAction.KILL_POSTGRES.key()).isEqualTo("kill-postgres");
        assertThat(ControlAction.KILL_PATRONI.forUnit("patroni.service")).isEmpty();
        assertThat(ControlAction.KILL_POSTGRES.forUnit("patroni.service")).isEmpty();
        assertThat(ControlAction.KILL.forUnit("patroni.service")).contains("systemctl kill --kill-whom=all --signal=SIGKILL patroni.service");
        assertThat(ControlAction.KILL_PATRONI.appliesTo(NodeKind.POSTGRES)).isTrue();
        assertThat(ControlAction.KILL_PATRONI.appliesTo(NodeKind.APP)).isFalse();
        assertThat(ControlAction.KILL.appliesTo(NodeKind.APP)).isTrue();
    }
}
