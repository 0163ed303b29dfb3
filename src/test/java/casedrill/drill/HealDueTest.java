package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** When an auto-heal is due: {@code for:} counts from T_fault (issue #16's definition), bounded by the drill's end. */
class HealDueTest {
    @Test
    void aFaultThatTookEffectLateStillLastsItsWholeFor() {
        // at 40 s, for 20 s, took effect at 41.3 s: healed at 61.3 s, not 60 s
        assertThat(TimelineActions.due(60_000, OptionalLong.of(41_300), 20_000, 150_000)).isEqualTo(61_300);
    }

    @Test
    void aFaultThatTookEffectOnTimeIsHealedAsScheduled() {
        assertThat(TimelineActions.due(60_000, OptionalLong.of(40_000), 20_000, 150_000)).isEqualTo(60_000);
    }

    @Test
    void aFaultNeverInjectedKeepsItsScheduledHeal() {
        assertThat(TimelineActions.due(60_000, OptionalLong.empty(), 20_000, 150_000)).isEqualTo(60_000);
    }

    @Test
    void noHealIsDueAfterTheDrillEnds() {
        // at 130 s, for 20 s, took effect at 131.5 s in a 150 s drill: healed at the end, 150 s
        assertThat(TimelineActions.due(150_000, OptionalLong.of(131_500), 20_000, 150_000)).isEqualTo(150_000);
    }
}
