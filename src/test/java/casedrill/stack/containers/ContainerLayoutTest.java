package casedrill.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.stack.StackLayout;
import casedrill.topology.Link;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import casedrill.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerLayoutTest {
    private static final StackLayout TWO_DC = StackLayout.of(TopologyLoader.load(Path.of("scenarios/topology/two-dc.yaml")));

    @Test
    void eachSiteGetsItsOwnSubnetAndNodesKeepTheirHostOctetAndPorts() {
        ContainerLayout c = ContainerLayout.of(TWO_DC);

        assertThat(c.subnets()).containsEntry("dc1", "10.231.1.0/24").containsEntry("dc2", "10.231.2.0/24")
                .hasSize(4);
        Node pg = c.inside().node("pg-dc2");
        assertThat(pg.address()).isEqualTo("10.231.2.11");
        assertThat(pg.ports()).isEqualTo(TWO_DC.node("pg-dc2").ports());
        assertThat(c.subnets().values()).doesNotHaveDuplicates();
    }

    /** pg-dc1-from-dc2 and pg-dc2-from-dc1 both listen on 5432 in the topology: one proxy address cannot hold both. */
    @Test
    void everyLinkGetsItsOwnPortOnTheLinkProxyAndKeepsItsEnds() {
        ContainerLayout c = ContainerLayout.of(TWO_DC);

        List<String> listens = c.inside().links().stream().map(Link::listen).toList();
        assertThat(listens).doesNotHaveDuplicates().allMatch(l -> l.startsWith(ContainerLayout.LINK_PROXY + ":"));
        Link cross = TWO_DC.links().stream().filter(l -> l.name().equals("pg-dc1-from-dc2")).findFirst().orElseThrow();
        assertThat(c.upstream(cross)).isEqualTo("10.231.1.11:5432");
        assertThat(c.inside().reach("db-router-dc2", "pg-dc1", "postgres", false))
                .as("dc2's router dials dc1's database through the link proxy")
                .isEqualTo("link-proxy:" + c.linkPort(cross));
        assertThat(c.inside().reach("db-router-dc1", "pg-dc1", "postgres", false))
                .as("the own site's database is dialled directly on the site network").isEqualTo("10.231.1.11:5432");
    }

    @Test
    void theLinkProxyIsTheTopologysToxiproxyNode() {
        assertThat(ContainerLayout.of(TWO_DC).linkProxy().name()).isEqualTo("toxiproxy");
    }

    @Test
    void aGatewayAddressIsRejected() {
        StackLayout onGateway = new StackLayout("t", List.of(new Node("n", NodeKind.ETCD, "s", "127.0.9.1", Map.of("client", 2379))),
                List.of(), TWO_DC.patroni());

        assertThatThrownBy(() -> ContainerLayout.of(onGateway)).hasMessageContaining("127.0.9.1")
                .hasMessageContaining("gateway");
    }
}
