package casedrill.stack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.stack.Credentials;
import casedrill.stack.StackLayout;
import casedrill.stack.StackOptions;
import casedrill.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file round-trips, keeps its secrets to its owner, and the current pointer finds it. */
class StateFileTest {
    @TempDir
    Path runRoot;

    @Test
    void roundTripsWithOwnerOnlyPermissionsAndCurrentPointer() throws Exception {
        Path dir = Files.createDirectory(runRoot.resolve("two-dc-1"));
        StackState state = new StackState("two-dc-1", dir.toString(), Instant.parse("2026-11-23T03:00:00Z"),
                StackOptions.defaults().withRunRoot(runRoot), StackLayout.of(TopologyLoader.load(Path.of("scenarios/topology/two-dc.yaml"))),
                Credentials.generate(), Map.of())
                .with(new NodeProcess("etcd-dc1", 4242, 99, "casedrill", dir.resolve("etcd-dc1.log").toString()));
        StateFile.write(state);
        StateFile.pointCurrentAt(runRoot, dir);

        assertThat(StateFile.read(dir)).as("state read back").isEqualTo(state);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(StateFile.NAME))))
                .as("state file permissions").isEqualTo("rw-------");
        assertThat(StateFile.current(runRoot)).as("current stack").contains(dir);
        assertThat(state.credentials().toString()).as("credentials as text")
                .doesNotContain(state.credentials().superuserPassword());

        StateFile.clearCurrent(runRoot, dir);
        assertThat(StateFile.current(runRoot)).as("current stack after clearing").isEmpty();
    }

    @Test
    void missingStateFileNamesTheDirectory() {
        assertThatThrownBy(() -> StateFile.read(runRoot.resolve("nope"))).as("reading a missing stack")
                .hasMessageContaining(runRoot.resolve("nope").toString());
    }
}
