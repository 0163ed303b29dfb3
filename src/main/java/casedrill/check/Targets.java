package casedrill.check;

import java.time.Duration;
import java.util.Map;

/**
 * What a drill must achieve; the lead maps a scenario's targets onto this. A null target means "not set":
 * the checker for it then answers UNKNOWN rather than pretending to pass.
 *
 * @param rto            max recovery time per disruption and transaction
 * @param rpo            max data-loss window; {@code Duration.ZERO} means no acknowledged write may be lost
 * @param maxErrorRate   max failed/total over the whole drill, in [0, 1]
 * @param maxErrorRateInDisruption max failed/total inside disruption windows, in [0, 1]
 * @param p99ByPhase     max p99 latency per phase ("baseline", "disruption", "recovered")
 * @param probeInterval  the canary interval: RTO resolution and the RPO floor
 * @param recovery       sliding-window recovery criteria (also the steady-state threshold)
 * @param maxFailedRequests max count of failed requests over the whole drill (0 for zero-outage promises)
 */
public record Targets(Duration rto, Duration rpo, Double maxErrorRate, Double maxErrorRateInDisruption,
                      Map<String, Duration> p99ByPhase, Duration probeInterval, RecoveryCriteria recovery,
                      Long maxFailedRequests) {
    public Targets {
        p99ByPhase = p99ByPhase == null ? Map.of() : Map.copyOf(p99ByPhase);
        probeInterval = probeInterval == null ? Duration.ofMillis(100) : probeInterval;
        recovery = recovery == null ? RecoveryCriteria.DEFAULT : recovery;
        requireRate("maxErrorRate", maxErrorRate);
        requireRate("maxErrorRateInDisruption", maxErrorRateInDisruption);
        if (maxFailedRequests != null && maxFailedRequests < 0) {
            throw new IllegalArgumentException("maxFailedRequests must be >= 0, but was " + maxFailedRequests);
        }
    }

    public static Targets none() {
        return new Targets(null, null, null, null, Map.of(), null, null, null);
    }

    public Targets withRto(Duration value) {
        return new Targets(value, rpo, maxErrorRate, maxErrorRateInDisruption, p99ByPhase, probeInterval, recovery, maxFailedRequests);
    }

    public Targets withRpo(Duration value) {
        return new Targets(rto, value, maxErrorRate, maxErrorRateInDisruption, p99ByPhase, probeInterval, recovery, maxFailedRequests);
    }

    public Targets withErrorRates(Double whole, Double inDisruption) {
        return new Targets(rto, rpo, whole, inDisruption, p99ByPhase, probeInterval, recovery, maxFailedRequests);
    }

    public Targets withP99(Map<String, Duration> value) {
        return new Targets(rto, rpo, maxErrorRate, maxErrorRateInDisruption, value, probeInterval, recovery, maxFailedRequests);
    }

    public Targets withMaxFailedRequests(Long value) {
        return new Targets(rto, rpo, maxErrorRate, maxErrorRateInDisruption, p99ByPhase, probeInterval, recovery, value);
    }

    private static void requireRate(String name, Double rate) {
        if (rate != null && !(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], but was " + rate);
        }
    }
}
