package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The infrastructure watch on fake components and a hand-moved clock: when a component counts as failed, and since when. */
class InfrastructureWatchTest {
    private final AtomicLong nowMs = new AtomicLong();
    private final AtomicBoolean toxiproxyUp = new AtomicBoolean(true);
    private final List<InfrastructureWatch.Failure> reported = new ArrayList<>();
    private final InfrastructureWatch watch = new InfrastructureWatch(List.of(
            new InfrastructureWatch.Component("the stack's Toxiproxy server", "127.0.4.2:8474", () -> {
                if (!toxiproxyUp.get()) {
                    throw new ConnectException();
                }
            }),
            new InfrastructureWatch.Component("the stack's control channel (its state file)", "/s/state.json", () -> { })),
            nowMs::get, 2, reported::add);

    private void checkAt(long ms) {
        nowMs.set(ms);
        watch.checkOnce();
    }

    @Test
    void aComponentFailsAfterTwoFailedChecksInARowAsOfTheFirst() {
        checkAt(34_200);
        toxiproxyUp.set(false);
        checkAt(35_200);
        assertThat(watch.failure()).as("after one failed check").isEmpty();
        checkAt(36_200);
        assertThat(watch.failure()).as("after two").isPresent();
        assertThat(watch.failure().get().describe()).as("describe")
                .isEqualTo("the stack's Toxiproxy server at 127.0.4.2:8474 stopped answering at 35.2 s (connection refused)");
        checkAt(37_200);
        assertThat(reported).as("reported once").hasSize(1);
    }

    @Test
    void oneSlowAnswerBetweenGoodOnesIsNotAFailure() {
        toxiproxyUp.set(false);
        checkAt(1_000);
        toxiproxyUp.set(true);
        checkAt(2_000);
        toxiproxyUp.set(false);
        checkAt(3_000);
        assertThat(watch.failure()).as("failures not in a row").isEmpty();
        checkAt(4_000);
        assertThat(watch.failure().map(InfrastructureWatch.Failure::sinceMs)).as("since").hasValue(3_000L);
    }

    @Test
    void confirmingAfterAFailedActionChecksUntilTheComponentCountsAsFailed() {
        toxiproxyUp.set(false);
        assertThat(watch.confirm(java.time.Duration.ZERO)).as("a dead server, confirmed").isPresent();
    }

    @Test
    void confirmingStopsAtTheFirstRoundInWhichEverythingAnswered() {
        assertThat(watch.confirm(java.time.Duration.ofHours(1))).as("everything answers (an hour's wait would hang the test)").isEmpty();
    }

    @Test
    void theEndingNamesTheComponentAndTheFaultsLeftUnhealed() {
        toxiproxyUp.set(false);
        checkAt(35_200);
        checkAt(36_200);
        DrillEnding ending = DrillEnding.infrastructureFailed(watch.failure().orElseThrow(), List.of("slow"));
        assertThat(ending.exit().code()).as("exit").isEqualTo(4);
        assertThat(ending.reason()).as("reason").startsWith("the stack's Toxiproxy server at 127.0.4.2:8474 stopped answering at 35.2 s")
                .endsWith("faults left unhealed (in lease.json for recover): slow");
    }
}
