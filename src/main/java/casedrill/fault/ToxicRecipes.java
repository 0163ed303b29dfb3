package casedrill.fault;

import casedrill.notation.ByteRate;
import casedrill.scenario.FaultAction;
import casedrill.scenario.FaultStep;
import java.time.Duration;

/** How each toxic-backed action turns its {@code with:} values into one Toxiproxy toxic. */
final class ToxicRecipes {
    private ToxicRecipes() {
    }

    static ToxicFault.ToxicRecipe of(FaultAction action) {
        return switch (action) {
            case LATENCY -> (proxy, name, dir, step) -> proxy.toxics()
                    .latency(name, dir, millis(step, "latency")).setJitter(millis(step, "jitter"));
            case BANDWIDTH -> (proxy, name, dir, step) -> proxy.toxics()
                    .bandwidth(name, dir, ((ByteRate) step.params().get("rate")).kilobytesPerSecond());
            case RESET -> (proxy, name, dir, step) -> proxy.toxics().resetPeer(name, dir, millis(step, "after"));
            case SLICER -> (proxy, name, dir, step) -> proxy.toxics()
                    .slicer(name, dir, number(step, "averageSize"), micros(step, "delay"))
                    .setSizeVariation(number(step, "sizeVariation"));
            case LIMIT_DATA -> (proxy, name, dir, step) -> proxy.toxics().limitData(name, dir, number(step, "bytes"));
            case SLOW_CLOSE -> (proxy, name, dir, step) -> proxy.toxics().slowClose(name, dir, millis(step, "delay"));
            default -> throw new IllegalArgumentException("action " + action + " is not a toxic");
        };
    }

    private static long millis(FaultStep step, String key) {
        Object value = step.params().get(key);
        return value == null ? 0 : ((Duration) value).toMillis();
    }

    private static long micros(FaultStep step, String key) {
        Object value = step.params().get(key);
        return value == null ? 0 : ((Duration) value).toNanos() / 1_000;
    }

    private static long number(FaultStep step, String key) {
        Object value = step.params().get(key);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
