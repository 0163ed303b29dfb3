package casedrill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.stack.local.AddressShift;
import casedrill.topology.TopologyLoader;
import org.junit.jupiter.api.Test;

/** How the two-DC topology maps to who dials what: through link proxies, or direct. */
class StackLayoutTest {
    private final StackLayout layout = StackLayout.of(TopologyLoader.load(StackLayouts.TWO_DC));

    @Test
    void otherSiteIsReachedThroughItsLinkAndOwnSiteDirectly() {
        assertThat(layout.reach("pg-dc2", "pg-dc1", "postgres", false)).as("pg-dc2 -> pg-dc1 postgres").isEqualTo("127.0.2.101:5432");
        assertThat(layout.reach("db-router-dc1", "pg-dc2", "patroni", false)).as("db-router-dc1 -> pg-dc2 patroni").isEqualTo("127.0.1.101:8008");
        assertThat(layout.reach("pg-dc1", "etcd-dc1", "client", false)).as("pg-dc1 -> own etcd").isEqualTo("127.0.1.10:2379");
        assertThat(layout.reach("pg-dc1", "etcd-witness", "client", false)).as("pg-dc1 -> witness etcd").isEqualTo("127.0.1.103:2379");
        assertThat(layout.reach("pg-dc2", "pg-dc1", "postgres", true)).as("pg-dc2 -> pg-dc1 with links direct").isEqualTo("127.0.1.11:5432");
    }

    @Test
    void nodesAdvertiseTheLinkTheOtherSiteUses() {
        assertThat(layout.advertised("pg-dc1", "postgres", false)).as("pg-dc1 advertised postgres").isEqualTo("127.0.2.101:5432");
        assertThat(layout.advertised("etcd-witness", "peer", false)).as("etcd-witness advertised peer").isEqualTo("127.0.3.110:2380");
        assertThat(layout.advertised("pg-dc1", "postgres", true)).as("pg-dc1 advertised with links direct").isEqualTo("127.0.1.11:5432");
    }

    @Test
    void shiftMovesNodesAndLinksButNotPorts() {
        StackLayout moved = AddressShift.shifted(layout, 100);
        assertThat(moved.node("pg-dc1").endpoint("postgres")).as("pg-dc1 shifted").isEqualTo("127.0.101.11:5432");
        assertThat(moved.reach("pg-dc2", "pg-dc1", "postgres", false)).as("link shifted").isEqualTo("127.0.102.101:5432");
        assertThatThrownBy(() -> AddressShift.shifted(layout, 300)).as("shift out of 127.0.0.0/8")
                .hasMessageContaining("127.0.1.10").hasMessageContaining("300");
    }

    @Test
    void unknownNodeNamesTheKnownOnes() {
        assertThatThrownBy(() -> layout.node("pg-dc3")).as("unknown node")
                .hasMessageContaining("'pg-dc3'").hasMessageContaining("pg-dc1");
    }
}
