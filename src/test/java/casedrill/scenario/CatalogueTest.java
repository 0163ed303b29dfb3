package casedrill.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.cli.CommandRun;
import casedrill.drill.DrillPlan;
import casedrill.fault.FaultRegistry;
import casedrill.testing.TestFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every drill in the catalogue validates and has a plan whose timeline matches its faults. */
class CatalogueTest {
    static List<Path> catalogue() {
        return TestFiles.yamlFiles(Path.of("scenarios"));
    }

    static List<Path> runbooks() {
        return TestFiles.yamlFiles(Path.of("failover"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runbooks")
    void runbooksValidateAgainstTheReferenceTopology(Path file) {
        CommandRun run = CommandRun.of("validate", file.toString());
        assertThat(run.err()).as("problems in %s", file).isEmpty();
        assertThat(run.out()).contains("ok (runbook ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void validates(Path file) {
        CommandRun run = CommandRun.of("validate", file.toString());
        assertThat(run.err()).as("problems in %s", file).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void planShowsEveryFaultAtItsTimeWithWhatItTouches(Path file) {
        Scenario scenario = ScenarioLoader.load(file, FaultRegistry.ACTIONS);
        DrillPlan plan = DrillPlan.of(scenario);
        for (FaultStep fault : scenario.faults()) {
            assertThat(plan.timeline()).as("timeline of %s", file)
                    .anySatisfy(step -> {
                        assertThat(step.atMs()).isEqualTo(fault.at().toMillis());
                        assertThat(step.what()).startsWith(fault.name() + ": " + fault.action().id());
                        fault.resolved().ifPresent(r -> assertThat(step.links()).hasSize(r.links().size()));
                    });
        }
        assertThat(plan.timeline().get(plan.timeline().size() - 1).atMs()).isEqualTo(scenario.duration().toMillis());
    }
}
