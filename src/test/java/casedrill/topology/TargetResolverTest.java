package casedrill.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TargetResolverTest {
    static final Topology TWO_DC = TopologyLoader.load(Path.of("scenarios/topology/two-dc.yaml"));
    final TargetResolver resolver = new TargetResolver(TWO_DC);

    @Test
    void referenceTopologyHasTheSitesAndNodesOfTheDesign() {
        assertThat(TWO_DC.sites()).containsOnlyKeys("dc1", "dc2", "witness", "edge");
        assertThat(TWO_DC.nodesOf("dc1")).extracting(Node::name)
                .containsExactly("etcd-dc1", "pg-dc1", "db-router-dc1", "app-dc1-a", "app-dc1-b");
        assertThat(TWO_DC.nodesOf("witness")).extracting(Node::name).containsExactly("etcd-witness");
        assertThat(TWO_DC.node("pg-dc1").orElseThrow().endpoint("patroni")).isEqualTo("127.0.1.11:8008");
    }

    @Test
    void siteResolvesToAllItsNodes() {
        ResolvedTarget dc2 = resolver.resolve(Target.parse("site:dc2"));
        assertThat(dc2.nodes()).extracting(Node::name)
                .containsExactly("etcd-dc2", "pg-dc2", "db-router-dc2", "app-dc2-a", "app-dc2-b");
        assertThat(dc2.links()).isEmpty();
    }

    @Test
    void wanBetweenTheDataCentresIsEveryLinkBetweenThemBothWays() {
        ResolvedTarget wan = resolver.resolve(Target.parse("wan(dc1,dc2)"));
        assertThat(wan.links()).extracting(Link::name).containsExactlyInAnyOrder(
                "pg-dc1-from-dc2", "pg-dc2-from-dc1", "patroni-dc1-from-dc2", "patroni-dc2-from-dc1",
                "etcd-dc2-from-dc1", "etcd-dc1-from-dc2", "etcd-dc1-peer", "etcd-dc2-peer");
        assertThat(wan.approximate()).as("etcd peer proxies also carry the witness's traffic").isTrue();
        assertThat(resolver.resolve(Target.parse("wan(dc2,dc1)")).links()).hasSameElementsAs(wan.links());
    }

    @Test
    void wanToTheWitnessIsExactOnlyWhereNoOtherSiteSharesTheProxy() {
        ResolvedTarget edge = resolver.resolve(Target.parse("wan(edge,dc1)"));
        assertThat(edge.links()).extracting(Link::name).containsExactlyInAnyOrder("app-dc1-a-from-edge", "app-dc1-b-from-edge");
        assertThat(edge.approximate()).isFalse();
    }

    @Test
    void siteLinksAreEveryLinkIntoOrOutOfTheSite() {
        ResolvedTarget dc1 = resolver.resolve(Target.parse("site-links(dc1)"));
        assertThat(dc1.links()).extracting(Link::name).contains("pg-dc1-from-dc2", "pg-dc2-from-dc1", "etcd-dc1-peer",
                "etcd-witness-peer", "app-dc1-a-from-edge").doesNotContain("etcd-witness-from-dc2", "app-dc2-a-from-edge");
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        assertThatThrownBy(() -> resolver.resolve(Target.parse("site:dc3")))
                .hasMessage("unknown site 'dc3' in target 'site:dc3' (known sites: dc1, dc2, witness, edge)");
        assertThatThrownBy(() -> resolver.resolve(Target.parse("wan(dc1,mars)")))
                .hasMessageStartingWith("unknown site 'mars' in target 'wan(dc1,mars)'");
    }

    @Test
    void malformedTargetsSayWhichFormsExist() {
        assertThatThrownBy(() -> Target.parse("dc1")).hasMessage("target 'dc1' is not of the form site:<name>, node:<name>, "
                + "link:<name>, wan(<site>,<site>), site-links(<site>) or fault:<id>");
        assertThatThrownBy(() -> Target.parse("node:PG")).hasMessage(
                "target 'node:PG' has an invalid name 'PG' (lower-case letters, digits and dashes)");
        assertThat(Target.parse("wan( dc1 , dc2 )")).isEqualTo(new Target.Wan("dc1", "dc2"));
    }
}
