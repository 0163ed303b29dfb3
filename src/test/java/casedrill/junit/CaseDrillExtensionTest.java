package casedrill.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** How @CaseDrill fails a test before anything starts: an invalid scenario, an unknown provider, a missing file. */
class CaseDrillExtensionTest {
    @CaseDrill(scenario = "src/test/resources/invalid/bad-abort-condition.yaml")
    static class InvalidScenarioFixture {
        @Test
        void wouldAssert(casedrill.report.DrillResult result) {
            throw new IllegalStateException("must not run: " + result);
        }
    }

    static class UnknownProviderFixture {
        @Test
        @CaseDrill(scenario = "src/test/resources/drills/short-app-hang.yaml", provider = "kubernetes")
        void wouldAssert(DrillRun run) {
            throw new IllegalStateException("must not run: " + run);
        }
    }

    static class MissingScenarioFixture {
        @Test
        @CaseDrill(scenario = "scenarios/no-such-drill.yaml")
        void wouldAssert(DrillRun run) {
            throw new IllegalStateException("must not run: " + run);
        }
    }

    private static List<Throwable> failures(Class<?> fixture) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture)).build(), listener);
        return listener.getSummary().getFailures().stream().map(TestExecutionSummary.Failure::getException).toList();
    }

    @Test
    void anInvalidScenarioFailsTheClassWithEveryProblemAtItsLineAndColumn() {
        assertThat(failures(InvalidScenarioFixture.class)).singleElement().satisfies(e -> assertThat(e.getMessage())
                .contains("src/test/resources/invalid/bad-abort-condition.yaml:10:13: 'abort[0].when' must be a condition")
                .contains("bad-abort-condition.yaml:11:13: abort condition 'throughput < 5%' uses unknown metric"));
    }

    @Test
    void anUnknownProviderIsRefusedNamingTheKnownOnes() {
        assertThat(failures(UnknownProviderFixture.class)).singleElement().satisfies(e -> assertThat(e.getMessage())
                .isEqualTo("@CaseDrill provider 'kubernetes' for src/test/resources/drills/short-app-hang.yaml is not supported (supported: containers, local, remote)"));
    }

    @Test
    void aMissingScenarioSaysWhereItWasLookedFor() {
        assertThat(failures(MissingScenarioFixture.class)).singleElement().satisfies(e -> assertThat(e.getMessage())
                .contains("@CaseDrill scenario 'scenarios/no-such-drill.yaml' is neither a file under"));
    }
}
