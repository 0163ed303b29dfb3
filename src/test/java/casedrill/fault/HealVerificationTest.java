package casedrill.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.stack.StackRef;
import casedrill.provider.StackProviders;
import casedrill.history.DrillClock;
import casedrill.history.Event;
import casedrill.stack.EffectiveAt;
import casedrill.toxiproxy.api.ToxiproxyServer;
import casedrill.topology.NodeKind;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A heal counts only when its API answered and the restored state reads back: an unreachable Toxiproxy server or
 * actuator is a heal failure that stays active and leased, never "nothing to remove". And T_fault is the instant a
 * fault says it took effect, not when the harness began.
 */
class HealVerificationTest {
    @TempDir
    Path run;

    private final List<Event> history = new ArrayList<>();

    /** A drill clock that stands still at 30 s, so offsets come only from what the fault reports. */
    private static final DrillClock AT_30_S = new DrillClock() {
        @Override
        public long offsetMs() {
            return 30_000;
        }

        @Override
        public Instant wallAt(long offsetMs) {
            return Instant.parse("2026-12-02T00:00:00Z").plusMillis(offsetMs);
        }
    };

    @Test
    void aToxicWhoseServerStoppedAnsweringStaysActiveAndLeasedUntilRecoverFindsTheServerBack() throws IOException {
        LeaseFile leaseFile = new LeaseFile(run);
        int port;
        try (ToxiproxyServer server = ToxiproxyServer.start(new InetSocketAddress("127.0.0.1", 0))) {
            port = server.apiPort();
            ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", port);
            client.createProxy("wan-a", "127.0.0.1:0", "127.0.0.1:9");
            ActiveFaults active = new ActiveFaults(leaseFile, new StackRef("local", "/nonexistent-stack"), "127.0.0.1:" + port, history::add, AT_30_S);
            active.inject(FaultRegistry.ACTIONS.create(Steps.onLinks("slow", LatencyToxic.DEFINITION, Map.of("latency", Duration.ofMillis(100)),
                    "wan-a"), new FaultContext(client, new RecordingNodes(), JsonHttp.standard(), n -> { })));
            server.close();

            assertThatThrownBy(() -> active.heal("slow")).as("heal against a server that does not answer").isInstanceOf(FaultException.class);
            assertThat(active.active()).as("still active").containsExactly("slow");
            assertThat(active.healAll()).as("healAll's failures").singleElement().asString().startsWith("heal of slow failed");
        }
        assertThat(history).filteredOn(e -> e instanceof Event.FaultHealed).as("fault_healed events").isEmpty();
        assertThat(history).filteredOn(e -> e instanceof Event.HealFailed).as("heal_failed events").hasSize(2)
                .allSatisfy(e -> assertThat(((Event.HealFailed) e).name()).isEqualTo("slow"));
        assertThat(leaseFile.read().faults()).extracting(Lease.Entry::fault).as("lease").containsExactly("slow");

        Recovery.Outcome whileDown = Recovery.recover(run, JsonHttp.standard(), StackProviders::byName);
        assertThat(whileDown.failures()).as("recover while the server is down").singleElement().asString().contains("127.0.0.1:" + port);
        assertThat(leaseFile.read().faults()).as("lease after a failed recover").hasSize(1);

        // Back (restarted, as the stack's node control restarts it): its proxies answer without the toxic.
        try (ToxiproxyServer back = ToxiproxyServer.start(new InetSocketAddress("127.0.0.1", port))) {
            new ToxiproxyClient("127.0.0.1", port).createProxy("wan-a", "127.0.0.1:0", "127.0.0.1:9");
            Recovery.Outcome outcome = Recovery.recover(run, JsonHttp.standard(), StackProviders::byName);
            assertThat(outcome.failures()).as("recover failures").isEmpty();
            assertThat(leaseFile.read().faults()).as("lease after recover").isEmpty();
        }
    }

    @Test
    void removalReadsTheToxicsBackAndAnUnreachableServerIsNotAnEmptyOne() {
        ToxiproxyClient nobody = new ToxiproxyClient("127.0.0.1", 1);
        assertThatThrownBy(() -> ToxicDirections.remove(nobody, Map.of("wan-a", List.of("slow-upstream"))))
                .as("remove against port 1").isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ProxySwitch.enable(nobody, List.of("wan-a"))).as("enable against port 1").isInstanceOf(IOException.class);
    }

    @Test
    void anAssaultWhoseActuatorDoesNotAnswerIsAHealFailureAfterTryingToStartTheNode() {
        RecordingNodes nodes = new RecordingNodes();
        Fault assault = FaultRegistry.ACTIONS.create(Steps.onNodes("m", ChaosMonkeyFault.DEFINITION, Map.of("assault", "exception"), NodeKind.APP, "app-1"),
                new FaultContext(null, nodes, JsonHttp.standard(), n -> { }));
        assertThatThrownBy(assault::heal).isInstanceOf(FaultException.class).hasMessageContaining("127.0.0.1:1/actuator/chaosmonkey");
        assertThat(nodes.calls).as("node calls").containsExactly("start app-1");
    }

    @Test
    void tFaultIsTheInstantTheFaultTookEffectAndRequestedAtWhenTheHarnessBegan() {
        ActiveFaults active = new ActiveFaults(new LeaseFile(run), new StackRef("local", "/s"), "127.0.0.1:1", history::add, AT_30_S);
        active.inject(new SlowToPrepare(Duration.ofMillis(250)));
        Event.FaultInjected injected = (Event.FaultInjected) history.get(0);
        assertThat(injected.requestedAtMs()).as("requestedAtMs").isEqualTo(30_000L);
        assertThat(injected.offsetMs()).as("T_fault: 250 ms of preparing later").isBetween(30_250L, 30_300L);
    }

    /** A fault that takes effect {@code preparing} after inject began (as listing a site's processes does). */
    private record SlowToPrepare(Duration preparing) implements Fault {
        public String name() {
            return "slow-start";
        }

        public String action() {
            return "power-loss";
        }

        public String target() {
            return "site:dc1";
        }

        public Undo undo() {
            return Undo.NOTHING;
        }

        public EffectiveAt inject() {
            return new EffectiveAt(System.nanoTime() + preparing.toNanos());
        }

        public void heal() {
        }
    }
}
