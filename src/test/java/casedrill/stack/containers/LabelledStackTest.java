package casedrill.stack.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.topology.DbVariant;
import casedrill.topology.Node;
import casedrill.topology.NodeKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stack rebuilt from labels and published ports as the engine reports them, written out literally (the documented format). */
class LabelledStackTest {
    private static final String SPEC = """
            {"layout":{"topology":"mini","nodes":[\
            {"name":"toxiproxy","kind":"toxiproxy","site":"edge","address":"127.0.9.2","ports":{"api":8474}},\
            {"name":"pg-a","kind":"postgres","site":"a","address":"127.0.1.11","ports":{"patroni":8008,"postgres":5432}}],\
            "links":[{"name":"pg-a-from-edge","from":["toxiproxy"],"to":"pg-a","port":"postgres","listen":"127.0.9.2:15432"}],\
            "patroni":{"ttl":"PT20S","loopWait":"PT2S","retryTimeout":"PT5S","synchronousMode":true}},\
            "variant":{"synchronous":false,"patroni":"4","multihost":false,"paused":true},"readyTimeout":"PT1M30S"}""";

    private static Map<String, String> labels(String node) {
        return Map.of("casedrill.stack", "c0a1b2c3d", "casedrill.node", node, "casedrill.run-root", "/var/tmp/casedrill",
                "casedrill.spec", SPEC);
    }

    private static final LabelledStack.Seen PROXY = new LabelledStack.Seen(labels("toxiproxy"), Map.of(8474, 41001));
    private static final LabelledStack.Seen PG = new LabelledStack.Seen(labels("pg-a"), Map.of(5432, 41002, 8008, 41003));

    @Test
    void theHostViewPutsEveryNodeOnLoopbackAtItsPublishedPortsAndKeepsTheTopology() {
        LabelledStack stack = LabelledStack.of("c0a1b2c3d", List.of(PG, PROXY));

        Node pg = stack.hostView().node("pg-a");
        assertThat(pg).isEqualTo(new Node("pg-a", NodeKind.POSTGRES, "a", "127.0.0.1", Map.of("postgres", 41002, "patroni", 41003)));
        assertThat(stack.hostView().node("toxiproxy").endpoint("api")).isEqualTo("127.0.0.1:41001");
        assertThat(stack.hostView().topology()).isEqualTo("mini");
        assertThat(stack.hostView().links()).singleElement().satisfies(l -> assertThat(l.name()).isEqualTo("pg-a-from-edge"));
        assertThat(stack.hostView().patroni().ttl()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void theSpecGivesTheVariantTheReadyTimeoutAndTheOriginalAddresses() {
        LabelledStack stack = LabelledStack.of("c0a1b2c3d", List.of(PG, PROXY));

        assertThat(stack.labels().stackId()).isEqualTo("c0a1b2c3d");
        assertThat(stack.labels().runRoot()).isEqualTo(Path.of("/var/tmp/casedrill"));
        assertThat(stack.labels().spec().variant()).isEqualTo(new DbVariant(false, "4", false, true));
        assertThat(stack.labels().spec().readyTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(stack.labels().spec().layout().node("pg-a").address()).isEqualTo("127.0.1.11");
    }

    /** What attach reads is what the start writes: the labels of a node round-trip through the spec's JSON. */
    @Test
    void labelsWrittenAtTheStartParseBackToTheSameStack() {
        StackLabels written = LabelledStack.of("c0a1b2c3d", List.of(PG, PROXY)).labels();

        LabelledStack again = LabelledStack.of("c0a1b2c3d", List.of(
                new LabelledStack.Seen(written.node("toxiproxy"), Map.of(8474, 41001)),
                new LabelledStack.Seen(written.node("pg-a"), Map.of(5432, 41002, 8008, 41003))));

        assertThat(again.labels()).isEqualTo(written);
        assertThat(written.node("pg-a")).containsEntry("casedrill.node", "pg-a").containsEntry("casedrill.stack", "c0a1b2c3d")
                .containsEntry("casedrill.run-root", "/var/tmp/casedrill");
        assertThat(written.network()).containsOnlyKeys("casedrill.stack", "casedrill.run-root");
    }

    @Test
    void theRunRootIsLabelledAbsoluteAndNormalisedSoCurrentFindsItHoweverItWasNamed() {
        StackLabels labels = new StackLabels("c1", Path.of("target/../target/stacks"), null);

        assertThat(labels.runRoot()).isAbsolute().isEqualTo(Path.of("target/stacks").toAbsolutePath());
    }

    @Test
    void noContainerMeansTheStackIsDown() {
        assertThatThrownBy(() -> LabelledStack.of("c0a1b2c3d", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("casedrill.stack=c0a1b2c3d").hasMessageContaining("is down");
    }

    @Test
    void aNodeWithoutItsContainerIsNamedWithHowToRemoveTheRest() {
        assertThatThrownBy(() -> LabelledStack.of("c0a1b2c3d", List.of(PROXY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[pg-a] are gone")
                .hasMessageContaining("docker rm -f $(docker ps -aq --filter label=casedrill.stack=c0a1b2c3d)");
    }

    @Test
    void containersWithoutTheSpecLabelCannotBeAttached() {
        var old = new LabelledStack.Seen(Map.of("casedrill.stack", "c0a1b2c3d", "casedrill.node", "pg-a"), Map.of(5432, 41002));

        assertThatThrownBy(() -> LabelledStack.of("c0a1b2c3d", List.of(old)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no casedrill.spec label");
    }

    @Test
    void aPortTheEngineDoesNotPublishIsNamed() {
        var half = new LabelledStack.Seen(labels("pg-a"), Map.of(5432, 41002));

        assertThatThrownBy(() -> LabelledStack.of("c0a1b2c3d", List.of(PROXY, half)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pg-a publishes no host port for its port patroni (8008)");
    }

    @Test
    void aMalformedSpecIsNamedByItsLabel() {
        var bad = new LabelledStack.Seen(Map.of("casedrill.stack", "c1", "casedrill.node", "pg-a", "casedrill.run-root", "/r",
                "casedrill.spec", "{\"layout\":"), Map.of());

        assertThatThrownBy(() -> LabelledStack.of("c1", List.of(bad)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label casedrill.spec is not a stack spec");
    }

    @Test
    void theCurrentStackIsTheOneLabelledWithTheRunRootAndSeveralAreRefusedByName() {
        Path root = Path.of("/var/tmp/casedrill");

        assertThat(StackLabels.onlyStack(root, List.of())).isEmpty();
        assertThat(StackLabels.onlyStack(root, List.of("c1", "c1", "c1"))).contains("c1");
        assertThatThrownBy(() -> StackLabels.onlyStack(root, List.of("c2", "c1", "c2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("2 containers stacks run under /var/tmp/casedrill: c1, c2; name one");
    }
}
