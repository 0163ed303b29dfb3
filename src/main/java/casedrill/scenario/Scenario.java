package casedrill.scenario;

import casedrill.topology.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A validated drill: everything in it has been checked against its topology, so a runner can
 * trust every field. Times ({@code at}) are offsets from the start of load.
 */
public record Scenario(String id, String title, String description, Path source, String sha256, Topology topology,
                       List<String> tags, Duration duration, StackBlock stack, LoadSpec load, ProbeSpec probes,
                       SteadyState steadyState, List<FaultStep> faults, FailoverSpec failover, Targets targets,
                       List<AbortCondition> abort) {
    public Scenario {
        tags = List.copyOf(tags);
        faults = List.copyOf(faults);
        abort = List.copyOf(abort);
    }

    /** The window in which the steady state is judged under load: after ramp-up, before the first fault. */
    public Duration steadyStateStart() {
        return load.rampUp();
    }

    public Duration steadyStateEnd() {
        return load.rampUp().plus(steadyState.duration());
    }
}
