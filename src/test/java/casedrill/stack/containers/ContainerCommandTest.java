package casedrill.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}
