package casedrill.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.stack.recipe.LaunchSpec;
import casedrill.testing.Needs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerCommandTest {

    @Test
    void theCaseServiceKeepsItsOwnArgumentsAndDropsTheHostsJavaAndJar() {
        List<String> host = List.of("/usr/lib/jvm/bin/java", "-Xmx256m", "-jar", "/work/target/casedrill.jar",
                "node", "app", "--site", "dc1");

        assertThat(ContainerCommand.afterLauncher(host)).containsExactly("node", "app", "--site", "dc1");
    }

    @Test
    void aClassPathLaunchKeepsWhatFollowsTheMainClass() {
        List<String> host = List.of("java", "-cp", "target/classes", "casedrill.cli.Main", "toxiproxy", "--port", "8474");

        assertThat(ContainerCommand.afterLauncher(host)).containsExactly("toxiproxy", "--port", "8474");
    }

    @Test
    void aCommandThatIsNotCasedrillsIsRefused() {
        assertThatThrownBy(() -> ContainerCommand.afterLauncher(List.of("haproxy", "-db")))
                .hasMessageContaining("not a casedrill java command line");
    }

    @Test
    void aPostgresNodesPid1IsTheSupervisorGivenTheNodeFolderAndPatronisBinaryWithTheYamlInItsEnvironment(@TempDir Path dir)
            throws IOException {
        Path config = Files.writeString(dir.resolve("patroni.yml"), "scope: s\n");
        Path node = Path.of("/run-root/c1/pg-dc1");
        LaunchSpec spec = new LaunchSpec("pg-dc1", List.of("/opt/patroni/bin/patroni", config.toString()), Map.of("A", "b"),
                Set.of("PGPASSWORD"), true, node, node.resolve("pg-dc1.log"));

        ContainerCommand command = ContainerCommand.patroni(spec);

        assertThat(command.entrypoint()).containsExactly("sh", "-c", PatroniSupervisor.SCRIPT, PatroniSupervisor.NAME,
                "/run-root/c1/pg-dc1", "/opt/patroni/bin/patroni");
        assertThat(command.args()).isEmpty();
        assertThat(command.env()).containsEntry("PATRONI_CONFIGURATION", "scope: s\n").containsEntry("A", "b");
        assertThat(PatroniSupervisor.pidFile(node)).isEqualTo(Path.of("/run-root/c1/pg-dc1/patroni.pid"));
    }

    /** The supervisor is PID 1 of every postgres node: a syntax error would only show as containers that never start. */
    @Test
    void theSupervisorScriptIsValidPosixSh() throws Exception {
        Needs.that(Files.isExecutable(Path.of("/bin/sh")), "/bin/sh");
        Process sh = new ProcessBuilder("/bin/sh", "-n", "-c", PatroniSupervisor.SCRIPT).redirectErrorStream(true).start();
        assertThat(sh.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sh.exitValue()).as(new String(sh.getInputStream().readAllBytes())).isZero();
    }

    @Test
    void theSupervisorTrapsTermSoDockerStopIsGracefulAndUsr1ToStartPatroniAgain() {
        assertThat(PatroniSupervisor.SCRIPT).contains("trap stop TERM").contains("USR1");
        assertThat(PatroniSupervisor.RELAUNCH).containsExactly("sh", "-c", "kill -USR1 1");
    }
}
