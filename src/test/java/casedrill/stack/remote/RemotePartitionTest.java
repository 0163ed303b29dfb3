package casedrill.stack.remote;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.environment.EnvironmentLoader;
import casedrill.stack.Partition;
import casedrill.toxiproxy.api.ToxiproxyServer;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Partitions of the loopback environment through a real (embedded) Toxiproxy server holding its links' proxies. */
class RemotePartitionTest {
    private static final List<Partition.SitePair> DC1_DC2 = List.of(new Partition.SitePair("dc1", "dc2"));
    /** The links crossing dc1-dc2 that carry no third site; etcd-dc1-peer and etcd-dc2-peer also serve the witness. */
    private static final List<String> CROSSING = List.of("pg-dc1-from-dc2", "pg-dc2-from-dc1", "patroni-dc1-from-dc2",
            "patroni-dc2-from-dc1", "etcd-dc2-from-dc1", "etcd-dc1-from-dc2");

    @TempDir
    Path dir;

    @Test
    void partitionDisablesTheCrossingLinksSparingSharedOnesAndHealEnablesThem() throws Exception {
        try (ToxiproxyServer server = ToxiproxyServer.start(new InetSocketAddress("127.0.4.100", 0))) {
            ToxiproxyClient client = new ToxiproxyClient("127.0.4.100", server.apiPort());
            RemoteStack stack = stackWithItsProxies(client, server.apiPort());

            Partition cut = stack.partition(DC1_DC2, Partition.Mode.REJECT);

            assertThat(disabled(client)).as("disabled proxies").containsExactlyInAnyOrderElementsOf(CROSSING);
            assertThat(cut.effectiveAt()).as("instant of the first disable").isNotNull();
            assertThat(cut.exact()).as("etcd peer proxies also carry the witness, so not exact").isFalse();
            assertThat(cut.detail()).contains("spared [etcd-dc1-peer, etcd-dc2-peer], which also carry site(s) [witness]");
            assertThat(stack.activePartitionRules()).isEqualTo(CROSSING.size());

            stack.heal(cut);

            assertThat(disabled(client)).as("disabled proxies after heal").isEmpty();
            assertThat(stack.activePartitionRules()).isZero();
        }
    }

    @Test
    void partitionIfExactCutsNothingWhenAProxyAlsoCarriesAThirdSite() throws Exception {
        try (ToxiproxyServer server = ToxiproxyServer.start(new InetSocketAddress("127.0.4.100", 0))) {
            ToxiproxyClient client = new ToxiproxyClient("127.0.4.100", server.apiPort());
            RemoteStack stack = stackWithItsProxies(client, server.apiPort());

            Partition refused = stack.partitionIfExact(DC1_DC2, Partition.Mode.REJECT);

            assertThat(refused.exact()).isFalse();
            assertThat(refused.effectiveAt()).as("nothing cut").isNull();
            assertThat(disabled(client)).isEmpty();
        }
    }

    /** The loopback environment on the test server, which holds a proxy for every link, named as the environment names it. */
    private RemoteStack stackWithItsProxies(ToxiproxyClient client, int port) throws Exception {
        RemoteStack stack = new RemoteStack(EnvironmentLoader.load(environment(port)));
        for (var link : stack.environment().links().values()) {
            client.createProxy(link.proxy(), "127.0.0.1:0", "127.0.0.1:9");
        }
        return stack;
    }

    private static List<String> disabled(ToxiproxyClient client) throws Exception {
        return client.getProxies().stream().filter(p -> !p.isEnabled()).map(Proxy::getName).toList();
    }

    /** The loopback environment with its topology path made absolute and its Toxiproxy API on the test server's port. */
    private Path environment(int port) throws Exception {
        Path original = Path.of("src/test/resources/environments/loopback-two-dc.yaml");
        String yaml = Files.readString(original)
                .replace("../../../../scenarios/topology/two-dc.yaml", Path.of("scenarios/topology/two-dc.yaml").toAbsolutePath().toString())
                .replace("127.0.4.100:8474", "127.0.4.100:" + port);
        Path copy = dir.resolve("loopback-two-dc.yaml");
        Files.writeString(copy, yaml);
        return copy;
    }
}
