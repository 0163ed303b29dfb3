package casedrill.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.stack.Partition;
import casedrill.stack.StackRef;
import casedrill.provider.StackProviders;
import casedrill.history.DrillClock;
import casedrill.history.Event;
import casedrill.notation.ByteRate;
import casedrill.notation.Percentage;
import casedrill.toxiproxy.api.ToxiproxyServer;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Link faults, the lease and recover against a real Toxiproxy server (the embedded one, in-process). */
class LinkFaultTest {
    private static ToxiproxyServer server;
    private ToxiproxyClient client;
    private RecordingNodes nodes;
    private FaultContext ctx;
    private final List<Event> history = new ArrayList<>();

    @TempDir
    Path run;

    @BeforeAll
    static void start() {
        server = ToxiproxyServer.start(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void proxies() throws IOException {
        client = new ToxiproxyClient("127.0.0.1", server.apiPort());
        for (Proxy p : client.getProxies()) {
            p.delete();
        }
        client.createProxy("wan-a", "127.0.0.1:0", "127.0.0.1:9");
        client.createProxy("wan-b", "127.0.0.1:0", "127.0.0.1:9");
        nodes = new RecordingNodes();
        ctx = new FaultContext(client, nodes, JsonHttp.standard(), name -> { });
    }

    private List<String> toxics(String proxy) throws IOException {
        return client.getProxy(proxy).toxics().getAll().stream().map(Toxic::getName).sorted().toList();
    }

    @Test
    void dropPartitionBlackholesBothDirectionsOfEveryProxyAndHealRemovesExactlyThat() throws IOException {
        Fault cut = FaultRegistry.ACTIONS.create(Steps.onLinks("cut", PartitionFault.DEFINITION, Map.of("mode", "drop"), "wan-a", "wan-b"), ctx);
        client.getProxy("wan-a").toxics().latency("by-hand", eu.rekawek.toxiproxy.model.ToxicDirection.UPSTREAM, 5);
        cut.inject();
        assertThat(toxics("wan-a")).as("toxics on wan-a after inject").containsExactly("by-hand", "cut-downstream", "cut-upstream");
        assertThat(toxics("wan-b")).as("toxics on wan-b after inject").containsExactly("cut-downstream", "cut-upstream");
        assertThat(client.getProxy("wan-b").toxics().getAll()).as("timeout toxics").allSatisfy(t ->
                assertThat(t.getClass().getSimpleName()).isEqualTo("Timeout"));
        cut.heal();
        cut.heal();
        assertThat(toxics("wan-a")).as("only the hand-made toxic survives two heals").containsExactly("by-hand");
        assertThat(toxics("wan-b")).as("wan-b after heal").isEmpty();
    }

    @Test
    void rejectPartitionDisablesProxiesAndHealEnablesThem() throws IOException {
        Fault cut = FaultRegistry.ACTIONS.create(Steps.onLinks("cut", PartitionFault.DEFINITION, Map.of("mode", "reject"), "wan-a", "wan-b"), ctx);
        assertThat(cut.undo().disabledProxies()).as("undo").containsExactly("wan-a", "wan-b");
        cut.inject();
        assertThat(client.getProxy("wan-a").isEnabled()).as("wan-a enabled after inject").isFalse();
        cut.heal();
        cut.heal();
        assertThat(client.getProxies()).as("proxies after heal").allMatch(Proxy::isEnabled);
    }

    @Test
    void wanPartitionGoesThroughTheStackWhenItCanCutExactlyAndLeavesTheProxiesAlone() throws IOException {
        PartitioningNodes exact = new PartitioningNodes(true);
        FaultContext exactCtx = new FaultContext(client, exact, JsonHttp.standard(), name -> { });
        LeaseFile leaseFile = new LeaseFile(run);
        ActiveFaults active = new ActiveFaults(leaseFile, new StackRef("local", "/nonexistent-stack"), "127.0.0.1:" + server.apiPort(),
                history::add, DrillClock.system());
        Fault cut = FaultRegistry.ACTIONS.create(Steps.onWan("cut", Map.of("mode", "reject"), "dc1", "dc2", "wan-a", "wan-b"), exactCtx);
        active.inject(cut);
        assertThat(leaseFile.read().faults().get(0).undo().partitionStack()).as("leased partition rules").isEqualTo("stack-1");
        assertThat(exact.calls).as("stack calls").containsExactly("cut [dc1|dc2] REJECT");
        assertThat(client.getProxies()).as("proxies untouched by an exact cut").allMatch(Proxy::isEnabled);
        assertThat(history).filteredOn(e -> e instanceof Event.FaultInjected).singleElement()
                .extracting(e -> ((Event.FaultInjected) e).target()).as("history says how it was cut")
                .isEqualTo("cut wan(dc1,dc2) (exact: 4 iptables rules in chain CASEDRILL-test)");
        active.heal("cut");
        assertThat(exact.calls).as("stack calls after heal").containsExactly("cut [dc1|dc2] REJECT", "heal [dc1|dc2]");
        assertThat(leaseFile.read().faults()).as("lease after heal").isEmpty();
    }

    @Test
    void siteLinksPartitionCutsTheSiteFromEveryOtherSite() {
        PartitioningNodes exact = new PartitioningNodes(true);
        Fault cut = FaultRegistry.ACTIONS.create(Steps.onSiteLinks("iso", "dc1", "wan-a"), new FaultContext(client, exact, JsonHttp.standard(), n -> { }));
        cut.inject();
        assertThat(exact.calls).as("stack calls").containsExactly("cut [dc1|dc2, dc1|witness] DROP");
    }

    @Test
    void wanPartitionFallsBackToTheProxiesWhenTheStackCannotCutExactlyAndSaysWhy() throws IOException {
        PartitioningNodes inexact = new PartitioningNodes(false);
        Fault cut = FaultRegistry.ACTIONS.create(Steps.onWan("cut", Map.of("mode", "drop"), "dc1", "dc2", "wan-a"),
                new FaultContext(client, inexact, JsonHttp.standard(), n -> { }));
        assertThat(cut.undo().toxics()).as("undo toxics").containsKey("wan-a");
        assertThat(cut.undo().partitionStack()).as("undo partition rules").isEqualTo("stack-1");
        cut.inject();
        assertThat(toxics("wan-a")).as("toxics on wan-a").containsExactly("cut-downstream", "cut-upstream");
        assertThat(cut.outcome()).as("outcome").startsWith("approximate: iptables cannot be changed here")
                .endsWith("cut through the link proxies instead");
        cut.heal();
        assertThat(toxics("wan-a")).as("toxics after heal").isEmpty();
    }

    @Test
    void latencyGoesOnlyDownstreamWithItsJitterAndToxicity() throws IOException {
        Fault slow = FaultRegistry.ACTIONS.create(Steps.onLinks("slow", LatencyToxic.DEFINITION, Map.of("latency", Duration.ofMillis(250),
                "jitter", Duration.ofMillis(20), "direction", "downstream", "toxicity", new Percentage(50)), "wan-a"), ctx);
        slow.inject();
        Latency toxic = client.getProxy("wan-a").toxics().get("slow-downstream", Latency.class);
        assertThat(toxic.getLatency()).as("latency ms").isEqualTo(250);
        assertThat(toxic.getJitter()).as("jitter ms").isEqualTo(20);
        assertThat(toxic.getToxicity()).as("toxicity").isEqualTo(0.5f);
        assertThat(toxics("wan-a")).as("one direction only").containsExactly("slow-downstream");
        slow.heal();
        assertThat(toxics("wan-a")).as("after heal").isEmpty();
    }

    /** Each toxic action's record of its with: values makes its toxic: the values arrive on the server in its units. */
    @Test
    void everyOtherToxicActionAddsItsToxicWithItsValues() throws IOException {
        List<Fault> faults = List.of(
                FaultRegistry.ACTIONS.create(Steps.onLinks("squeeze", BandwidthToxic.DEFINITION, Map.of("rate", ByteRate.parse("12KB/s"),
                        "direction", "upstream"), "wan-a"), ctx),
                FaultRegistry.ACTIONS.create(Steps.onLinks("rst", ResetToxic.DEFINITION, Map.of("after", Duration.ofMillis(150),
                        "direction", "upstream"), "wan-a"), ctx),
                FaultRegistry.ACTIONS.create(Steps.onLinks("slices", SlicerToxic.DEFINITION, Map.of("averageSize", 64L, "sizeVariation", 8L,
                        "delay", Duration.ofMillis(3), "direction", "upstream"), "wan-a"), ctx),
                FaultRegistry.ACTIONS.create(Steps.onLinks("cap", LimitDataToxic.DEFINITION, Map.of("bytes", 4096L,
                        "direction", "upstream"), "wan-a"), ctx),
                FaultRegistry.ACTIONS.create(Steps.onLinks("lingering", SlowCloseToxic.DEFINITION, Map.of("delay", Duration.ofMillis(700),
                        "direction", "upstream"), "wan-a"), ctx));
        faults.forEach(Fault::inject);
        var toxics = client.getProxy("wan-a").toxics();
        assertThat(toxics.get("squeeze-upstream", Bandwidth.class).getRate()).as("bandwidth KB/s").isEqualTo(12);
        assertThat(toxics.get("rst-upstream", ResetPeer.class).getTimeout()).as("reset after ms").isEqualTo(150);
        Slicer slicer = toxics.get("slices-upstream", Slicer.class);
        assertThat(List.of(slicer.getAverageSize(), slicer.getSizeVariation(), slicer.getDelay())).as("slicer size, variation, delay µs")
                .containsExactly(64L, 8L, 3000L);
        assertThat(toxics.get("cap-upstream", LimitData.class).getBytes()).as("limit-data bytes").isEqualTo(4096);
        assertThat(toxics.get("lingering-upstream", SlowClose.class).getDelay()).as("slow-close ms").isEqualTo(700);
        assertThat(toxics("wan-a")).as("one direction each, full toxicity")
                .containsExactly("cap-upstream", "lingering-upstream", "rst-upstream", "slices-upstream", "squeeze-upstream");
        faults.forEach(Fault::heal);
        assertThat(toxics("wan-a")).as("after heal").isEmpty();
    }

    @Test
    void leaseListsActiveFaultsAndRecoverUndoesThemFromTheLeaseAlone() throws IOException {
        LeaseFile leaseFile = new LeaseFile(run);
        ActiveFaults active = new ActiveFaults(leaseFile, new StackRef("local", "/nonexistent-stack"), "127.0.0.1:" + server.apiPort(),
                history::add, DrillClock.system());
        active.inject(FaultRegistry.ACTIONS.create(Steps.onLinks("cut", PartitionFault.DEFINITION, Map.of("mode", "drop"), "wan-a"), ctx));
        active.inject(FaultRegistry.ACTIONS.create(Steps.onLinks("off", PartitionFault.DEFINITION, Map.of("mode", "reject"), "wan-b"), ctx));
        active.inject(FaultRegistry.ACTIONS.create(Steps.onLinks("slow", LatencyToxic.DEFINITION,
                Map.of("latency", Duration.ofMillis(100), "direction", "both"), "wan-b"), ctx));

        Lease lease = leaseFile.read();
        assertThat(lease.faults()).extracting(Lease.Entry::fault).as("leased faults").containsExactly("cut", "off", "slow");
        assertThat(lease.faults().get(2).undo().toxics()).as("undo of slow")
                .isEqualTo(Map.of("wan-b", List.of("slow-upstream", "slow-downstream")));
        assertThat(history).as("history").filteredOn(e -> e instanceof Event.FaultInjected).hasSize(3);

        // The harness "dies" here: nothing heals except recover, which reads only the lease.
        Recovery.Outcome outcome = Recovery.recover(run, JsonHttp.standard(), StackProviders::byName);
        assertThat(outcome.failures()).as("recover failures").isEmpty();
        assertThat(toxics("wan-a")).as("wan-a toxics after recover").isEmpty();
        assertThat(toxics("wan-b")).as("wan-b toxics after recover").isEmpty();
        assertThat(client.getProxy("wan-b").isEnabled()).as("wan-b enabled after recover").isTrue();
        assertThat(leaseFile.read().faults()).as("lease after recover").isEmpty();
        assertThat(Recovery.recover(run, JsonHttp.standard(), StackProviders::byName).done()).as("second recover has nothing to do").isEmpty();
    }

    @Test
    void recoverEnablesTheProxiesAStackDisabledForAnExactPartitionWhateverTheMode() throws IOException {
        // A stack that cuts exactly by disabling the crossing links' proxies, as the remote provider does.
        PartitioningNodes byProxies = new PartitioningNodes(true) {
            @Override
            public Partition partitionExactly(List<Partition.SitePair> pairs, Partition.Mode mode) {
                try {
                    client.getProxy("wan-a").disable();
                    client.getProxy("wan-b").disable();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return new Partition(pairs, mode, true, "disabled Toxiproxy proxies [wan-a, wan-b]");
            }
        };
        LeaseFile leaseFile = new LeaseFile(run);
        // A real environment without partition templates: recover runs none, and its links are not named wan-a/wan-b,
        // so the proxies are enabled on the leased server.
        StackRef remote = new StackRef("remote", java.nio.file.Path.of("src/test/resources/environments/loopback-two-dc.yaml").toAbsolutePath().toString());
        ActiveFaults active = new ActiveFaults(leaseFile, remote,
                "127.0.0.1:" + server.apiPort(), history::add, DrillClock.system());
        active.inject(FaultRegistry.ACTIONS.create(Steps.onWan("cut", Map.of("mode", "drop"), "dc1", "dc2", "wan-a", "wan-b"),
                new FaultContext(client, byProxies, JsonHttp.standard(), n -> { })));
        assertThat(leaseFile.read().faults().get(0).undo().disabledProxies()).as("leased proxies").containsExactly("wan-a", "wan-b");
        assertThat(client.getProxies()).as("proxies after the cut").noneMatch(Proxy::isEnabled);

        Recovery.Outcome outcome = Recovery.recover(run, JsonHttp.standard(), StackProviders::byName);

        assertThat(outcome.failures()).as("recover failures").isEmpty();
        assertThat(client.getProxies()).as("proxies after recover").allMatch(Proxy::isEnabled);
        assertThat(leaseFile.read().faults()).as("lease after recover").isEmpty();
    }

    @Test
    void aHalfInjectedFaultIsHealedAndReleasedBeforeTheErrorPropagates() throws IOException {
        LeaseFile leaseFile = new LeaseFile(run);
        ActiveFaults active = new ActiveFaults(leaseFile, new StackRef("local", "/s"), "127.0.0.1:" + server.apiPort(), history::add, DrillClock.system());
        Fault cut = FaultRegistry.ACTIONS.create(Steps.onLinks("cut", PartitionFault.DEFINITION, Map.of("mode", "drop"), "wan-a", "no-such-link"), ctx);
        assertThatThrownBy(() -> active.inject(cut)).isInstanceOf(FaultException.class).hasMessageContaining("no-such-link");
        assertThat(toxics("wan-a")).as("wan-a after the failed inject").isEmpty();
        assertThat(active.active()).as("active").isEmpty();
        assertThat(leaseFile.read().faults()).as("lease").isEmpty();
    }

    @Test
    void healAllHealsLatestFirstAndHealOfAnUnknownFaultIsANoOp() throws IOException {
        ActiveFaults active = new ActiveFaults(new LeaseFile(run), new StackRef("local", "/s"), "127.0.0.1:" + server.apiPort(), history::add, DrillClock.system());
        active.inject(FaultRegistry.ACTIONS.create(Steps.onNodes("freeze", PauseFault.DEFINITION, Map.of(), casedrill.topology.NodeKind.APP, "app-1"), ctx));
        active.inject(FaultRegistry.ACTIONS.create(Steps.onLinks("cut", PartitionFault.DEFINITION, Map.of("mode", "drop"), "wan-a"), ctx));
        active.heal("never-injected");
        assertThat(active.healAll()).as("heal failures").isEmpty();
        assertThat(toxics("wan-a")).as("wan-a").isEmpty();
        assertThat(nodes.calls).as("node calls").containsExactly("pause app-1", "resume app-1");
        assertThat(history).filteredOn(e -> e instanceof Event.FaultHealed).extracting(e -> ((Event.FaultHealed) e).target())
                .as("heal order").containsExactly("cut link:wan-a", "freeze node:app-1");
    }
}
