package casedrill.stack.local;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.stack.Partition;
import casedrill.stack.StackLayout;
import casedrill.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionRulesTest {
    private static final StackLayout TWO_DC = StackLayout.of(TopologyLoader.load(Path.of("scenarios/topology/two-dc.yaml")));
    private static final Partition.SitePair WAN = new Partition.SitePair("dc1", "dc2");

    private static PartitionRules.Cut wan(Partition.Mode mode, boolean siteUsers) {
        return PartitionRules.of(TWO_DC, WAN, mode, site -> siteUsers ? "casedrill-" + site : null,
                site -> 0x100 * (TWO_DC.sites().indexOf(site) + 1), "test");
    }

    private static List<String> rules(PartitionRules.Cut cut) {
        return cut.rules().stream().map(r -> String.join(" ", r.args())).toList();
    }

    @Test
    void sharedEtcdPeerLinksAreCutOnlyForTheOtherDataCentresUser() {
        List<String> rules = rules(wan(Partition.Mode.DROP, true));
        assertThat(rules).as("dc2's leg of dc1's shared peer address")
                .contains("-d 127.0.1.110 -p tcp --dport 2380 -m owner --uid-owner casedrill-dc2 -m comment --comment test -j DROP")
                .contains("-s 127.0.1.110 -p tcp --sport 2380 -m connmark --mark 0x200/0xff00 -m comment --comment test -j DROP");
        assertThat(rules).as("rules naming the witness's user or its peer address")
                .noneMatch(r -> r.contains("casedrill-witness") || r.contains("127.0.3.110"));
    }

    @Test
    void linksOnlyOneSiteDialsAreCutWithoutOwnerMatchInBothDirections() {
        List<String> rules = rules(wan(Partition.Mode.REJECT, true));
        assertThat(rules).as("dc2's way into pg-dc1")
                .contains("-d 127.0.2.101 -p tcp --dport 5432 -m comment --comment test -j REJECT --reject-with tcp-reset")
                .contains("-s 127.0.2.101 -p tcp --sport 5432 -m comment --comment test -j REJECT --reject-with tcp-reset");
        assertThat(rules).as("rules touching the edge's links to the app nodes").noneMatch(r -> r.contains("127.0.4."));
    }

    @Test
    void aSharedLinkWithoutSiteUsersMakesTheCutInexact() {
        PartitionRules.Cut cut = wan(Partition.Mode.DROP, false);
        assertThat(cut.inexact()).as("reasons the cut is not exact").hasSize(2)
                .allMatch(reason -> reason.contains("-peer is shared"));
    }

    @Test
    void aPairOfOneSiteIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Partition.SitePair("dc1", "dc1"))
                .hasMessageContaining("both sides were 'dc1'");
    }
}
