package casedrill.scenario;

import casedrill.notation.Percentage;
import java.time.Duration;
import java.util.Optional;

/** What the drill must show; an absent target is not checked. */
public record Targets(Optional<Duration> rto, Optional<Duration> rpo, Optional<Percentage> errorBudget,
                      Optional<Long> failedRequests, boolean splitBrainForbidden, Optional<Recovered> recovered) {

    /** Service quality once recovered. */
    public record Recovered(Optional<Percentage> successRate, Optional<Duration> p95, Optional<Duration> p99) {
    }
}
