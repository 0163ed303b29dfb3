package casedrill.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.model.Toxic;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ToxiproxyContainer;

/**
 * The module's older, deprecated container class (still shipped in 2.x and used by 1.x-era tests):
 * its getProxy() creates proxies on 0.0.0.0:8666 onwards and setConnectionCut() adds and removes two
 * bandwidth-0 toxics. Needs a Docker engine and the local image: see src/test/docker/.
 */
@Tag("docker")
@SuppressWarnings("deprecation") // the deprecated class is what is under test
class TestcontainersLegacyToxiproxyContainerTest {
    private static ToxiproxyContainer toxiproxy;
    private static EchoServer upstream;

    @BeforeAll
    static void start() {
        LocalToxiproxyImage.requireBuilt();
        toxiproxy = new ToxiproxyContainer(LocalToxiproxyImage.IMAGE).withImagePullPolicy(LocalToxiproxyImage.NEVER_PULL);
        toxiproxy.start();
        upstream = EchoServer.start(LocalToxiproxyImage.bridgeGateway(toxiproxy));
    }

    @AfterAll
    static void stop() {
        if (toxiproxy != null) {
            toxiproxy.stop();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void getProxyMapsTheFirstProxiedPortAndCuttingTheConnectionStopsTraffic() throws IOException {
        ToxiproxyContainer.ContainerProxy proxy = toxiproxy.getProxy(LocalToxiproxyImage.bridgeGateway(toxiproxy), upstream.port());
        assertThat(proxy.getName()).isEqualTo(upstream.address());
        assertThat(proxy.getOriginalProxyPort()).isEqualTo(8666);
        assertThat(proxy.getProxyPort()).isEqualTo(toxiproxy.getMappedPort(8666));
        assertThat(proxy.getContainerIpAddress()).isEqualTo(toxiproxy.getHost());
        assertEchoes(proxy);

        proxy.setConnectionCut(true);
        assertThat(proxy.toxics().getAll()).extracting(Toxic::getName)
                .containsExactlyInAnyOrder("CUT_CONNECTION_DOWNSTREAM", "CUT_CONNECTION_UPSTREAM");
        try (Socket s = Net.connect(proxy.getContainerIpAddress(), proxy.getProxyPort())) {
            s.setSoTimeout(1_000);
            s.getOutputStream().write("lost".getBytes(StandardCharsets.US_ASCII));
            assertThatThrownBy(() -> s.getInputStream().read())
                    .as("bandwidth 0 both ways: nothing comes back")
                    .isInstanceOf(SocketTimeoutException.class);
        }

        proxy.setConnectionCut(false);
        assertThat(proxy.toxics().getAll()).isEmpty();
        assertEchoes(proxy);
    }

    private static void assertEchoes(ToxiproxyContainer.ContainerProxy proxy) throws IOException {
        try (Socket s = Net.connect(proxy.getContainerIpAddress(), proxy.getProxyPort())) {
            s.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(Net.readExactly(s, 4), StandardCharsets.US_ASCII)).isEqualTo("ping");
        }
    }
}
