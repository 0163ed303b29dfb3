package casedrill.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.toxiproxy.ToxiproxyContainer;

/** The link proxy is started through Testcontainers' Toxiproxy module, on our image, never pulled. */
class LinkProxyContainerTest {
    @Test
    void theLinkProxyIsTheToxiproxyModuleOnOurLocalImage() {
        LocalImage ours = new LocalImage("casedrill/toxiproxy", "0b373afb0b0b", "0b373afb0b0b", "sha256:1", 1, List.of());

        GenericContainer<?> proxy = NodeContainers.linkProxy(ours);

        assertThat(proxy).isInstanceOf(ToxiproxyContainer.class);
        // getDockerImageName() would resolve the image (a pull attempt); the unresolved image names it
        assertThat(proxy.getImage()).asString().contains("casedrill/toxiproxy:0b373afb0b0b");
    }
}
