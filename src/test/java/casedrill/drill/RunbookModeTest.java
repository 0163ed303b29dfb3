package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.outcome.ExitCode;
import casedrill.stack.HostPort;
import org.junit.jupiter.api.Test;

/** Pausing Patroni for a runbook drill, and what is left behind when that fails. */
class RunbookModeTest {
    @Test
    void pausingPatroniAsksTheStackOnce() {
        FakeRunningStack stack = new FakeRunningStack(new HostPort("127.0.0.1", 1));

        assertThat(RunbookMode.pausePatroni(stack)).isNull();
        assertThat(stack.calls()).containsExactly("maintenance true");
    }

    @Test
    void aFailedPauseIsResumedSoNothingIsLeftWithoutAutomaticFailover() {
        FakeRunningStack stack = new FakeRunningStack(new HostPort("127.0.0.1", 1));
        stack.failPausing("still no pause=true in pg-dc2's /patroni 30 s after the cluster's configuration was set to it");

        DrillEnding ending = RunbookMode.pausePatroni(stack);

        assertThat(stack.calls()).as("maintenance mode asked, then resumed").containsExactly("maintenance true", "maintenance false");
        assertThat(ending.exit()).isEqualTo(ExitCode.HARNESS_ERROR);
        assertThat(ending.reason()).isEqualTo("cannot put Patroni into maintenance mode for the runbook: still no pause=true in"
                + " pg-dc2's /patroni 30 s after the cluster's configuration was set to it (resumed it again)");
    }
}
