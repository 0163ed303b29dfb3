package casedrill.scenario;

import casedrill.topology.ResolvedTarget;
import casedrill.topology.Target;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of the fault timeline. {@code healAfter} is the scenario's {@code for:}; {@code params}
 * holds the typed {@code with:} values, defaults filled in. {@code resolved} is empty only for
 * {@code heal}, whose target is another fault.
 */
public record FaultStep(int index, String id, Duration at, Optional<Duration> healAfter, FaultAction action,
                        Target target, Optional<ResolvedTarget> resolved, Map<String, Object> params, String note) {
    public FaultStep {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** When the fault stops by itself, if it has {@code for:}. */
    public Optional<Duration> healsAt() {
        return healAfter.map(at::plus);
    }

    /** Name used in history and reports: the explicit id, or "fault-<n>" (1-based, file order). */
    public String name() {
        return id != null ? id : "fault-" + (index + 1);
    }

    /** How messages refer to this fault: "fault 'wan-cut'" or "fault #2". */
    public String label() {
        return id != null ? "fault '" + id + "'" : "fault #" + (index + 1);
    }
}
