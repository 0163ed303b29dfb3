package casedrill.scenario;

import casedrill.notation.Percentage;
import java.time.Duration;
import java.util.Optional;

/** What "healthy" means before any fault: judged under load, right after ramp-up. */
public record SteadyState(Duration duration, Percentage successRate, Optional<Duration> p95, Optional<Duration> p99) {
    public static final SteadyState DEFAULT =
            new SteadyState(Duration.ofSeconds(20), new Percentage(99), Optional.empty(), Optional.empty());
}
