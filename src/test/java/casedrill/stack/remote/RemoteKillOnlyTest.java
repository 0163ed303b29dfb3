package casedrill.stack.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.environment.ControlAction;
import casedrill.environment.EnvironmentLoader;
import casedrill.stack.DatabaseProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-process crashes of the remote provider without a host: which command each asks for, and the refusals that
 * come before anything is sent (nothing here can reach the loopback environment's SSH port 2222, so a command that
 * was run would fail differently).
 */
class RemoteKillOnlyTest {
    private static final Path LOOPBACK = Path.of("src/test/resources/environments/loopback-two-dc.yaml");

    @TempDir
    Path dir;

    @Test
    void aSystemdUnitGivesNoOneProcessKillSoItIsRefusedNamingTheCommandToWrite() {
        RemoteStack stack = new RemoteStack(EnvironmentLoader.load(LOOPBACK));

        assertThatThrownBy(() -> stack.killOnly("pg-dc1", DatabaseProcess.PATRONI)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("remote provider cannot kill-patroni pg-dc1: environment loopback-two-dc gives no command for it"
                        + " (write control commands.kill-patroni; a systemd unit gives none)");
        assertThatThrownBy(() -> stack.killOnly("pg-dc2", DatabaseProcess.POSTGRES)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("kill-postgres pg-dc2");
    }

    @Test
    void aNodeThatIsNotAPostgresNodeIsRefused() {
        RemoteStack stack = new RemoteStack(EnvironmentLoader.load(LOOPBACK));

        assertThatThrownBy(() -> stack.killOnly("app-dc1-a", DatabaseProcess.PATRONI)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node app-dc1-a is a app, not a postgres node: only postgres nodes run Patroni and PostgreSQL as separate processes");
    }

    @Test
    void theEnvironmentsCommandsGoOverSshWithTheNodeFilledIn() throws Exception {
        String env = Files.readString(LOOPBACK)
                .replace("topology: ../../../../scenarios/topology/two-dc.yaml", "topology: " + Path.of("scenarios/topology/two-dc.yaml").toAbsolutePath())
                .replace("ssh: { user: root, port: 2222, identityFile: id_test, knownHosts: known_hosts.test }",
                        "ssh: { user: root, port: 2222, identityFile: id_test, knownHosts: known_hosts.test, commands: {"
                                + " kill-patroni: \"sudo systemctl kill --kill-whom=main --signal=SIGKILL patroni.service\","
                                + " kill-postgres: \"sudo /usr/local/sbin/crash-postgres {node}\" } }");
        Path file = dir.resolve("environment.yaml");
        Files.writeString(file, env);
        RemoteStack stack = new RemoteStack(EnvironmentLoader.load(file));

        assertThat(stack.commandFor("pg-dc2", RemoteStack.oneProcessKill(DatabaseProcess.PATRONI)).text())
                .startsWith("ssh -o BatchMode=yes -o StrictHostKeyChecking=yes")
                .endsWith("-p 2222 root@127.0.2.11 -- 'sudo systemctl kill --kill-whom=main --signal=SIGKILL patroni.service'");
        assertThat(stack.commandFor("pg-dc1", RemoteStack.oneProcessKill(DatabaseProcess.POSTGRES)).argv())
                .endsWith("root@127.0.1.11", "--", "sudo /usr/local/sbin/crash-postgres pg-dc1");
        assertThat(stack.commandFor("pg-dc1", ControlAction.KILL).text()).as("the whole-node kill keeps its unit default")
                .endsWith("'systemctl kill --kill-whom=all --signal=SIGKILL pg-dc1.service'");
    }
}
