package casedrill.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.topology.NodeKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImagesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/containers");

    @Test
    void readsEachImageWithTheNodeKindsItRuns() {
        Images images = Images.read(FIXTURES.resolve("manifest.json"));

        assertThat(images.base()).isEqualTo("local/debian:bookworm");
        assertThat(images.of(NodeKind.GSLB).reference()).as("the gslb's image, by its inputs tag")
                .isEqualTo("casedrill/haproxy:bbbbbbbbbbbb");
        assertThat(images.of(NodeKind.DB_ROUTER)).isEqualTo(images.of(NodeKind.GSLB));
        assertThat(images.of(NodeKind.ETCD).sizeBytes()).isEqualTo(150_000_000L);
    }

    @Test
    void aKindWithoutImageSaysHowToBuildIt() {
        Images images = Images.read(FIXTURES.resolve("manifest.json"));

        assertThatThrownBy(() -> images.of(NodeKind.POSTGRES))
                .hasMessageContaining("no image for postgres nodes").hasMessageContaining("make images");
    }

    @Test
    void aMissingManifestSaysHowToBuildIt() {
        assertThatThrownBy(() -> Images.read(FIXTURES.resolve("absent.json")))
                .hasMessageContaining("absent.json").hasMessageContaining("make images");
    }

    @Test
    void anUnknownRoleIsAMalformedManifest() {
        assertThatThrownBy(() -> Images.read(FIXTURES.resolve("manifest-unknown-role.json")))
                .hasMessageContaining("manifest-unknown-role.json is malformed")
                .hasMessageContaining("unknown node kind 'mainframe'");
    }

    @Test
    void aTagThatIsNotTheInputsHashIsRejected() {
        assertThatThrownBy(() -> new LocalImage("casedrill/etcd", "latest", "aaaa", "sha256:1", 1, java.util.List.of()))
                .hasMessageContaining("but was latest");
    }
}
