package casedrill.check;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One disruption of one signal.
 *
 * @param cause       what opened it: a fault, or a fall below the threshold after recovery with no fault active
 * @param faultMs     T_fault: the injection of the fault that opened it; for an unprovoked disruption, its first failed request
 * @param recoveredMs T_recovered, the start of the last good stretch (empty: never recovered)
 * @param rtoMs       T_recovered − T_fault; 0 when no request failed in between; -1 when never recovered
 * @param holdUntilMs until when success had to hold for the recovery to count: every fault of the disruption healed
 *                    (or the drill's end) plus the stability period, and at least T_recovered plus the stability period;
 *                    it can lie after the drill's end, which then cut it short. {@link Long#MAX_VALUE} when never recovered
 * @param reopened    the last time success had held for the stability period and then fell again before the
 *                    disruption had recovered, which moved T_recovered
 */
public record Disruption(Cause cause, long faultMs, OptionalLong recoveredMs, long rtoMs, long holdUntilMs,
                         Optional<Reopening> reopened) {
    public enum Cause {
        FAULT,
        /** Success fell below the threshold after the previous disruption had recovered, with no fault active. */
        UNPROVOKED
    }

    /**
     * Success held from {@code heldFromMs} for at least the stability period, then fell at {@code fellMs} while
     * {@code activeFaults} were in effect (none: within the stability period after the last heal).
     */
    public record Reopening(long heldFromMs, long fellMs, List<String> activeFaults) {
        public Reopening {
            activeFaults = List.copyOf(activeFaults);
        }
    }

    public boolean recovered() {
        return recoveredMs.isPresent();
    }
}
