package casedrill.check;

import java.util.OptionalLong;

/**
 * One disruption of one signal: the fault that started it, when the signal recovered (empty: never), and the
 * RTO (0 when no request failed between the fault and recovery).
 */
public record Disruption(long faultMs, OptionalLong recoveredMs, long rtoMs) {
    public boolean recovered() {
        return recoveredMs.isPresent();
    }
}
