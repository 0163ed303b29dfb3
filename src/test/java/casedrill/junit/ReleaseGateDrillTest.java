package casedrill.junit;

import static casedrill.junit.DrillAssertions.assertThat;

import casedrill.report.DrillResult;
import org.junit.jupiter.api.Test;

/**
 * How a release manager gates a build on a drill: {@code mvn verify} runs this class, the drill runs once (a fresh local
 * stack, load, the fault, heal, reconcile, check; its run folder sealed under target/casedrill-reports), and each test
 * asserts one promise on the typed result, so Surefire's XML lists every promise as a test case.
 * Address shift 220 keeps its stack clear of the other test stacks ({@code -Dcasedrill.drill.addressShift=N} moves it).
 */
@CaseDrill(scenario = "src/test/resources/drills/release-gate-app-hang.yaml", provider = "local", addressShift = 220)
class ReleaseGateDrillTest {
    @Test
    void everyTargetIsMet(DrillResult result) {
        assertThat(result).passed();
    }

    @Test
    void theServiceRecoversWellWithinTheRto(DrillResult result) {
        assertThat(result).target("rto").measuredSeconds().isLessThan(20.0);
    }

    @Test
    void noAcknowledgedWriteIsLost(DrillResult result) {
        assertThat(result).lostWrites().isZero();
    }

    @Test
    void neverTwoPrimariesAcceptWrites(DrillResult result) {
        assertThat(result).noSplitBrain();
    }

    @Test
    void lessThanOneRequestInTenFails(DrillResult result) {
        assertThat(result).errorBudget().isBelow(0.10);
    }
}
