package casedrill.scenario;

import java.time.Duration;
import java.util.List;

/** Canary probes: one per business transaction, every {@code interval}, through the edge. */
public record ProbeSpec(Duration interval, Duration timeout, List<String> transactions) {
    public static final ProbeSpec DEFAULT = new ProbeSpec(Duration.ofMillis(100), Duration.ofSeconds(1), List.of("status", "intake"));

    public ProbeSpec {
        transactions = List.copyOf(transactions);
    }
}
