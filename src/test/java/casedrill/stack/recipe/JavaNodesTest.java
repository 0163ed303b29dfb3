package casedrill.stack.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JavaNodesTest {
    @Test
    void relativeClassPathEntriesBecomeAbsolute() {
        String cwd = Path.of("").toAbsolutePath().toString();
        assertThat(JavaNodes.absolute("target/classes:/opt/x.jar")).as("class path for a node in its own folder")
                .isEqualTo(cwd + "/target/classes:/opt/x.jar");
    }
}
