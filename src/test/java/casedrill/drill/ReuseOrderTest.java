package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.fault.FaultRegistry;
import casedrill.scenario.Scenario;
import casedrill.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReuseOrderTest {
    @Test
    void theCatalogueRunsKindByKindInTheOrderOfEachKindsFirstDrill() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<ReuseOrder.Entry<Path>> entries = files.stream()
                .map(f -> new ReuseOrder.Entry<>(f, ScenarioLoader.load(f, FaultRegistry.ACTIONS))).toList();

        List<Path> ordered = ReuseOrder.order(entries);

        assertThat(ordered).as("every file once").containsExactlyInAnyOrderElementsOf(files);
        List<String> kinds = new ArrayList<>();
        for (Path p : ordered) {
            String kind = kind(ScenarioLoader.load(p, FaultRegistry.ACTIONS));
            if (kinds.isEmpty() || !kinds.get(kinds.size() - 1).equals(kind)) {
                assertThat(kinds).as("kind %s comes back after another kind (at %s): its stack would start twice", kind, p)
                        .doesNotContain(kind);
                kinds.add(kind);
            }
        }
        long distinct = entries.stream().map(e -> kind(e.scenario())).distinct().count();
        assertThat(kinds).as("one run of drills per kind").hasSize((int) distinct);
        assertThat(distinct).as("the catalogue has more than one kind of stack, else this proves nothing").isGreaterThan(1);
        assertThat(ordered.get(0)).as("the first kind is the first file's").isEqualTo(files.get(0));
    }

    @Test
    void withinAKindTheGivenOrderStays() {
        Scenario sync = ScenarioLoader.load(Path.of("scenarios/dc1-power-loss.yaml"), FaultRegistry.ACTIONS);
        Scenario async = ScenarioLoader.load(Path.of("scenarios/async-wan-cut-then-dc1-loss.yaml"), FaultRegistry.ACTIONS);
        List<ReuseOrder.Entry<String>> entries = List.of(new ReuseOrder.Entry<>("b-sync", sync), new ReuseOrder.Entry<>("a-async", async),
                new ReuseOrder.Entry<>("c-sync", sync), new ReuseOrder.Entry<>("d-async", async), new ReuseOrder.Entry<>("a-sync", sync));

        assertThat(ReuseOrder.order(entries)).containsExactly("b-sync", "c-sync", "a-sync", "a-async", "d-async");
    }

    private static String kind(Scenario s) {
        return StackPool.key(s.stack().provider(), s.topology().name(), s.stack().variant(), 0);
    }
}
