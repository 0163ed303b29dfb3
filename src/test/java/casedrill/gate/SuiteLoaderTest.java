package casedrill.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.fault.FaultRegistry;
import casedrill.report.CatalogueTable;
import casedrill.scenario.Scenario;
import casedrill.scenario.ScenarioLoader;
import casedrill.testing.TestFiles;
import casedrill.yaml.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteLoaderTest {
    @Test
    void releaseSuiteIsFastAndEveryScenarioExists() {
        Suite release = SuiteLoader.load(Path.of("scenarios/suites/release.yaml"));
        assertThat(release.id()).isEqualTo("release");
        assertThat(release.entries()).extracting(Suite.Entry::scenarioId).containsExactly("pg-primary-crash", "dc1-power-loss");
        assertThat(release.tolerance().rtoLimitMs(10_000)).as("5 s tolerance").isEqualTo(15_000);
        assertThat(release.tolerance().errorBudgetPoints()).isEqualTo(0.5);
    }

    @Test
    void nightlySuiteHoldsTheWholeCatalogueAndExpectsKnownFaultsToBeCaught() {
        Suite nightly = SuiteLoader.load(Path.of("scenarios/suites/nightly.yaml"));
        List<Scenario> catalogue = catalogue();
        assertThat(nightly.entries()).extracting(Suite.Entry::scenarioId)
                .containsExactlyInAnyOrderElementsOf(catalogue.stream().map(Scenario::id).toList());
        assertThat(nightly.entries()).filteredOn(e -> e.expected().equals("FAIL")).extracting(Suite.Entry::scenarioId)
                .as("a scenario the catalogue does not expect to PASS")
                .containsExactlyInAnyOrderElementsOf(catalogue.stream()
                        .filter(s -> CatalogueTable.Expectation.of(s.tags()) != CatalogueTable.Expectation.PASS).map(Scenario::id).toList());
        assertThat(nightly.tolerance().rtoLimitMs(10_000)).as("20 % tolerance").isEqualTo(12_000);
    }

    private static List<Scenario> catalogue() {
        return TestFiles.yamlFiles(Path.of("scenarios")).stream().map(file -> ScenarioLoader.load(file, FaultRegistry.ACTIONS)).toList();
    }

    @Test
    void aMissingScenarioIsNamedWithFileLineAndColumn() {
        assertThatThrownBy(() -> SuiteLoader.load(Path.of("src/test/resources/suites/invalid-missing-scenario.yaml")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("src/test/resources/suites/invalid-missing-scenario.yaml:5:15: scenario file '../../../../scenarios/dc1-powerloss.yaml' "
                        + "not found (looked for scenarios/dc1-powerloss.yaml)");
    }

    @Test
    void anUnknownKeyIsAnError() {
        assertThatThrownBy(() -> SuiteLoader.load(Path.of("src/test/resources/suites/invalid-unknown-key.yaml")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("src/test/resources/suites/invalid-unknown-key.yaml:5:5:")
                .hasMessageContaining("expected");
    }

    @Test
    void overridesReplaceTheScenarioTargets() {
        var scenario = casedrill.scenario.ScenarioLoader.load(Path.of("scenarios/pg-primary-crash.yaml"), FaultRegistry.ACTIONS);
        var overridden = new Suite.Overrides(java.util.Optional.of(Duration.ofSeconds(7)),
                java.util.Optional.empty(), java.util.Optional.of(2.5)).applyTo(scenario);
        assertThat(overridden.targets().rto()).contains(Duration.ofSeconds(7));
        assertThat(overridden.targets().rpo()).isEqualTo(scenario.targets().rpo());
        assertThat(overridden.targets().errorBudget()).hasValueSatisfying(p -> assertThat(p.value()).isEqualTo(2.5));
    }
}
