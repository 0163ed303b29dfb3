package casedrill.report;

import casedrill.drill.DrillPlan;
import java.util.List;
import java.util.Map;

/**
 * Everything a drill's result files say, as one value; RESULT.md documents it field by field
 * (result.json is this record as JSON).
 *
 * @param verdict  PASS, FAIL or UNKNOWN: FAIL beats UNKNOWN beats PASS over the targets
 * @param exitCode the command's exit code (0 met, 1 missed, 3 inconclusive or aborted, 4 harness error)
 * @param reason   one sentence: why the drill ended as it did
 * @param observer the independent observer's figures beside the verdict; null when no observer ran
 */
public record DrillResult(int schemaVersion, String runId, Scenario scenario, Stack stack, String startedAt, String endedAt,
                          long wallTimeMs, List<DrillPlan.Step> plan, List<TimelineEntry> timeline, List<TargetResult> targets,
                          String verdict, int exitCode, String reason, String definitions, ObserverResult observer) {
    public static final int SCHEMA_VERSION = 1;

    /** A result without an independent observer. */
    public DrillResult(int schemaVersion, String runId, Scenario scenario, Stack stack, String startedAt, String endedAt,
                       long wallTimeMs, List<DrillPlan.Step> plan, List<TimelineEntry> timeline, List<TargetResult> targets,
                       String verdict, int exitCode, String reason, String definitions) {
        this(schemaVersion, runId, scenario, stack, startedAt, endedAt, wallTimeMs, plan, timeline, targets, verdict, exitCode,
                reason, definitions, null);
    }

    public DrillResult {
        plan = List.copyOf(plan);
        timeline = List.copyOf(timeline);
        targets = List.copyOf(targets);
    }

    public record Scenario(String id, String title, String file, String sha256, long durationMs) {
    }

    /** The stack the drill ran on; {@code components} maps a component to its version ("unknown" when not found). */
    public record Stack(String id, String topology, String variant, String failover, Map<String, String> components) {
        public Stack {
            components = Map.copyOf(components);
        }
    }

    /** One thing that happened, on the drill clock (offset from the start of load) and in UTC. */
    public record TimelineEntry(long offsetMs, String wall, String kind, String what) {
    }

    /**
     * One target: what was demanded, what was measured, the verdict and why.
     *
     * @param checker the checker that judged it (see definitions)
     */
    public record TargetResult(String name, String checker, String target, String verdict, String measured,
                               String explanation) {
    }
}
