package casedrill.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.stack.Partition.SitePair;
import casedrill.stack.StackLayout;
import casedrill.topology.Link;
import casedrill.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossingLinksTest {
    private static final StackLayout TWO_DC = StackLayout.of(TopologyLoader.load(Path.of("scenarios/topology/two-dc.yaml")));

    @Test
    void aWanCutDisablesTheDatabaseAndEtcdLinksBetweenTheDcsOnly() {
        CrossingLinks links = new CrossingLinks(TWO_DC);
        List<SitePair> wan = List.of(new SitePair("dc1", "dc2"));

        assertThat(links.crossing(wan).stream().map(Link::name)).containsExactlyInAnyOrder(
                "pg-dc1-from-dc2", "pg-dc2-from-dc1", "patroni-dc1-from-dc2", "patroni-dc2-from-dc1",
                "etcd-dc2-from-dc1", "etcd-dc1-from-dc2", "etcd-dc1-peer", "etcd-dc2-peer");
    }

    /** etcd-dc1-peer serves dc2 and the witness through one proxy: disabling it also cuts the witness from dc1. */
    @Test
    void aSharedPeerLinkMakesTheWanCutInexactAndNamesTheThirdSite() {
        assertThat(new CrossingLinks(TWO_DC).thirdSites(List.of(new SitePair("dc1", "dc2")))).containsExactly("witness");
    }

    @Test
    void isolatingASiteFromEveryOtherIsExact() {
        List<SitePair> isolate = List.of(new SitePair("dc1", "dc2"), new SitePair("dc1", "witness"), new SitePair("dc1", "edge"));

        assertThat(new CrossingLinks(TWO_DC).thirdSites(isolate)).isEmpty();
        assertThat(new CrossingLinks(TWO_DC).crossing(isolate).stream().map(Link::name)).contains("app-dc1-a-from-edge", "etcd-witness-from-dc1");
    }
}
