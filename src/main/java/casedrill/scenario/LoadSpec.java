package casedrill.scenario;

import casedrill.notation.Rate;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Business load: a Gatling simulation at an open-model arrival rate, its mix and an optional surge.
 *
 * @param timeout how long a client waits for an answer; a request slower than this failed (the clients' patience,
 *                which a scenario states: a zero-outage promise holds for clients with a given timeout)
 */
public record LoadSpec(String simulation, Rate rate, Duration rampUp, Duration timeout, Map<String, Integer> mix,
                       Optional<Surge> surge) {
    /** Without a {@code timeout}: a client that gives up after 2 s, as the case portal's API calls did. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    /** The department's observed mix: mostly status look-ups, a steady stream of applications. */
    public static final Map<String, Integer> DEFAULT_MIX = ordered(Map.of("intake", 25, "status", 55, "decision", 10, "screening", 10));

    public LoadSpec {
        mix = ordered(mix);
    }

    /** Transactions always in business order: intake, status, decision, screening. */
    private static Map<String, Integer> ordered(Map<String, Integer> mix) {
        Map<String, Integer> copy = new LinkedHashMap<>();
        for (String tx : List.of("intake", "status", "decision", "screening")) {
            if (mix.containsKey(tx)) {
                copy.put(tx, mix.get(tx));
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    /** A window in which the arrival rate is multiplied by {@code factor}. */
    public record Surge(Duration at, Duration duration, double factor) {
    }
}
