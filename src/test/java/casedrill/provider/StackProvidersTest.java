package casedrill.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StackProvidersTest {
    private static final Path MAIN = Path.of("src/main/java/casedrill");

    @Test
    void theLocalProviderIsKnownByItsName() {
        assertThat(StackProviders.byName("local").name()).isEqualTo("local");
        assertThat(StackProviders.names()).containsExactly("containers", "local", "remote");
        assertThat(StackProviders.DEFAULT).isEqualTo("local");
    }

    @Test
    void theRemoteProviderOnlyAttaches() {
        assertThat(StackProviders.byName("remote").name()).isEqualTo("remote");
        assertThatThrownBy(() -> StackProviders.byName("remote").up(null, null))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("does not bring stacks up");
    }

    @Test
    void anUnknownNameIsRefusedInOneSentenceListingTheKnownOnes() {
        assertThatThrownBy(() -> StackProviders.byName("docker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown stack provider 'docker' (known: containers, local, remote)");
    }

    @Test
    void scenariosMayNameExactlyTheRegisteredProviders() throws IOException {
        JsonNode schema = JsonMapper.shared().readTree(Files.readString(Path.of("scenarios/schema/scenario.schema.json")));
        List<String> allowed = schema.at("/properties/stack/properties/provider/enum").valueStream().map(JsonNode::asString).toList();
        assertThat(allowed).as("stack.provider enum in scenario.schema.json").containsExactlyInAnyOrderElementsOf(StackProviders.names());
    }

    @Test
    void onlyTheRegistryAndTheLocalProviderNameTheLocalPackage() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> naming = files.filter(f -> f.toString().endsWith(".java")).filter(StackProvidersTest::namesLocal).toList();
            assertThat(naming).as("sources naming casedrill.stack.local").isNotEmpty()
                    .allMatch(f -> f.startsWith(MAIN.resolve("stack/local")) || f.startsWith(MAIN.resolve("provider")));
        }
    }

    @Test
    void onlyTheRegistryAndTheRemoteProviderNameTheRemotePackage() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> naming = files.filter(f -> f.toString().endsWith(".java")).filter(f -> names(f, "casedrill.stack.remote")).toList();
            assertThat(naming).as("sources naming casedrill.stack.remote").isNotEmpty()
                    .allMatch(f -> f.startsWith(MAIN.resolve("stack/remote")) || f.startsWith(MAIN.resolve("provider")));
        }
    }

    private static boolean namesLocal(Path file) {
        return names(file, "casedrill.stack.local");
    }

    private static boolean names(Path file, String packageName) {
        try {
            return Files.readString(file).contains(packageName);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
