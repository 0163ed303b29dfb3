package casedrill.stack.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.environment.EnvironmentLoader;
import casedrill.stack.EffectiveAt;
import casedrill.testing.Needs;
import casedrill.testing.SshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node control of the remote provider against a real OpenSSH server on 127.0.0.1: the environment's command
 * for app-dc1-a goes over SSH and kills a harmless process the test started; a host key that is not the one in
 * known_hosts is refused by OpenSSH and nothing runs.
 */
class RemoteStackSshTest {
    @TempDir
    Path dir;

    private SshServer sshd;
    private Process target;

    @BeforeEach
    void startSshdAndTarget() throws Exception {
        Needs.that(Files.isExecutable(SshServer.SSHD), "needs Debian's openssh-server (make deps installs it)");
        Needs.that("root".equals(System.getProperty("user.name")), "logs in as root over SSH, as CI runs");
        sshd = SshServer.start(dir);
        target = new ProcessBuilder("sleep", "600").start();
        Files.writeString(dir.resolve("target.pid"), Long.toString(target.pid()));
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (target != null) {
            target.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void aKillGoesOverSshAndTakesEffect() throws Exception {
        RemoteStack stack = new RemoteStack(EnvironmentLoader.load(environment(sshd.knownHosts)));
        assertThat(stack.alive("app-dc1-a")).as("target alive before the kill").isTrue();

        long before = System.nanoTime();
        EffectiveAt at = stack.kill("app-dc1-a");

        assertThat(target.waitFor(10, TimeUnit.SECONDS)).as("the target process died").isTrue();
        assertThat(at.nanoTime()).isGreaterThanOrEqualTo(before);
        assertThat(stack.alive("app-dc1-a")).as("alive after the kill").isFalse();
        assertThat(sshd.log()).contains("Accepted publickey for root");
    }

    @Test
    void aHostKeyNotInKnownHostsIsRefusedAndNothingRuns() throws Exception {
        SshServer.keygen(dir.resolve("impostor_key"));
        Path wrong = dir.resolve("known_hosts.wrong");
        Files.writeString(wrong, SshServer.knownHostsLine(sshd.port, dir.resolve("impostor_key.pub")));
        RemoteStack stack = new RemoteStack(EnvironmentLoader.load(environment(wrong)));

        assertThatThrownBy(() -> stack.kill("app-dc1-a")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kill app-dc1-a failed (exit 255)")
                .hasMessageContaining("Host key verification failed");
        assertThat(target.isAlive()).as("the target survived").isTrue();
        assertThat(sshd.log()).doesNotContain("Accepted publickey");
    }

    @Test
    void anActionTheEnvironmentGivesNoCommandForIsRefusedNamingIt() throws Exception {
        RemoteStack stack = new RemoteStack(EnvironmentLoader.load(environment(sshd.knownHosts)));

        assertThatThrownBy(() -> stack.pause("app-dc1-a")).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("remote provider cannot pause app-dc1-a: environment loopback-two-dc gives no command for it"
                        + " (set a systemd unit or control commands.pause)");
        assertThat(target.isAlive()).isTrue();
    }

    /** The loopback environment with SSH to this server, and app-dc1-a's kill/alive aimed at the target process. */
    private Path environment(Path knownHosts) throws Exception {
        String base = Files.readString(Path.of("src/test/resources/environments/loopback-two-dc.yaml"));
        String pid = dir.resolve("target.pid").toString();
        String env = base
                .replace("topology: ../../../../scenarios/topology/two-dc.yaml",
                        "topology: " + Path.of("scenarios/topology/two-dc.yaml").toAbsolutePath())
                .replace("allow: [", "allow: [127.0.0.1, ")
                .replace("ssh: { user: root, port: 2222, identityFile: id_test, knownHosts: known_hosts.test }",
                        "ssh: { host: 127.0.0.1, user: root, port: " + sshd.port + ", identityFile: " + sshd.userKey
                                + ", knownHosts: " + knownHosts + ", timeout: 10s }")
                .replace("control: { ssh: { unit: app-dc1-a.service } }",
                        "control: { ssh: { commands: { kill: \"kill -KILL $(cat " + pid + ")\", alive: \"kill -0 $(cat " + pid + ")\" } } }");
        assertThat(env).contains("kill -KILL", "port: " + sshd.port);
        Path file = dir.resolve("environment.yaml");
        Files.writeString(file, env);
        return file;
    }
}
