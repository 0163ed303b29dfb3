package casedrill.observer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObserverOutageTest {
    /** Writes sent every 20 ms in [fromMs, toMs), all acknowledged or all timed out. */
    static List<ObservedWrite> writes(long fromMs, long toMs, boolean acknowledged) {
        List<ObservedWrite> writes = new ArrayList<>();
        for (long t = fromMs; t < toMs; t += 20) {
            writes.add(new ObservedWrite(t, "observer-test-" + t, "sha", t, t + (acknowledged ? 8 : 1_000),
                    acknowledged ? 201 : 0, acknowledged ? ObservedWrite.Outcome.ACKNOWLEDGED : ObservedWrite.Outcome.IN_DOUBT,
                    acknowledged ? "app-dc2-a" : "timeout"));
        }
        return writes;
    }

    private static final ObserverOutage.Criteria DEFAULT = new ObserverOutage.Criteria(1_000, 0.95, 10_000);

    @SafeVarargs
    static List<ObservedWrite> concat(List<ObservedWrite>... parts) {
        List<ObservedWrite> all = new ArrayList<>();
        for (List<ObservedWrite> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    @Test
    void theOutageRunsFromTheFaultToTheFirstWriteOfAGoodWindow() {
        List<ObservedWrite> w = concat(writes(0, 10_000, true), writes(10_000, 36_200, false), writes(36_200, 60_000, true));

        ObserverOutage o = ObserverOutage.of(w, 10_005, DEFAULT);

        assertThat(o.recoveredMs()).as("observer's T_recovered").isEqualTo(36_200L);
        assertThat(o.outageMs()).as("outage").isEqualTo(26_195L);
    }

    @Test
    void aLoneSuccessInsideTheOutageIsNoRecovery() {
        List<ObservedWrite> w = concat(writes(0, 10_000, true), writes(10_000, 20_000, false), writes(20_000, 20_020, true),
                writes(20_020, 30_000, false), writes(30_000, 40_000, true));

        assertThat(ObserverOutage.of(w, 10_000, DEFAULT).outageMs()).as("outage").isEqualTo(20_000L);
    }

    @Test
    void aFaultThatTakesEffectSecondsAfterTFaultIsMeasuredFromTFault() {
        List<ObservedWrite> w = concat(writes(0, 15_000, true), writes(15_000, 39_800, false), writes(39_800, 60_000, true));

        assertThat(ObserverOutage.of(w, 10_000, DEFAULT).outageMs()).as("outage").isEqualTo(29_800L);
    }

    @Test
    void noFailedWriteAfterTheFaultIsNoOutage() {
        assertThat(ObserverOutage.of(writes(0, 30_000, true), 10_000, DEFAULT).outageMs()).as("outage").isZero();
    }

    @Test
    void anEdgeThatNeverAnsweredAgainIsNotRecovered() {
        ObserverOutage o = ObserverOutage.of(concat(writes(0, 10_000, true), writes(10_000, 30_000, false)), 10_000, DEFAULT);

        assertThat(o.recovered()).as("recovered").isFalse();
        assertThat(o.outageMs()).as("outage").isNull();
    }
}
