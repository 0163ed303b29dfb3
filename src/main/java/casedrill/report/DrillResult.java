package casedrill.report;

import casedrill.check.Demand;
import casedrill.check.Measured;
import casedrill.check.Verdict;
import casedrill.stack.BaselineCheck;
import casedrill.stack.StackOrigin;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a drill's result files say, as one value; RESULT.md documents it field by field
 * (result.json is this record as JSON).
 *
 * @param release  the release label of the system under test ({@code --release}); null when none was given
 * @param verdict  PASS, FAIL or UNKNOWN: FAIL beats UNKNOWN beats PASS over the targets
 * @param exitCode the command's exit code (0 met, 1 missed, 3 inconclusive or aborted, 4 harness error)
 * @param reason   one sentence: why the drill ended as it did
 * @param observer the independent observer's figures beside the verdict; null when no observer ran
 */
public record DrillResult(int schemaVersion, String runId, String release, Scenario scenario, Stack stack, String startedAt,
                          String endedAt, long wallTimeMs, List<PlanStep> plan, List<TimelineEntry> timeline,
                          List<TargetResult> targets, Verdict verdict, int exitCode, String reason, String definitions,
                          ObserverResult observer) {
    public static final int SCHEMA_VERSION = 2;

    /** A result without an independent observer. */
    public DrillResult(int schemaVersion, String runId, String release, Scenario scenario, Stack stack, String startedAt,
                       String endedAt, long wallTimeMs, List<PlanStep> plan, List<TimelineEntry> timeline,
                       List<TargetResult> targets, Verdict verdict, int exitCode, String reason, String definitions) {
        this(schemaVersion, runId, release, scenario, stack, startedAt, endedAt, wallTimeMs, plan, timeline, targets, verdict,
                exitCode, reason, definitions, null);
    }

    public DrillResult {
        plan = List.copyOf(plan);
        timeline = List.copyOf(timeline);
        targets = List.copyOf(targets);
    }

    /** The target named {@code name} (rto, rpo, error-budget, ...), if the drill had it. */
    public java.util.Optional<TargetResult> target(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public record Scenario(String id, String title, String file, String sha256, long durationMs) {
    }

    /**
     * The stack the drill ran on; {@code components} maps a component to its version ("unknown" when not found).
     * {@code origin}: fresh, reused or attached (null in results written before stacks were reused); {@code baseline}: the
     * verified reset that preceded the drill (null when none ran: a plain {@code run} or {@code --attach});
     * {@code rejected}: the failed verification of a kept stack that was replaced by a fresh one (null when none);
     * {@code provider}: the stack provider that ran or attached it (null in older results); {@code images}: name:tag →
     * image id of what its nodes ran (empty for processes, and in older results).
     */
    public record Stack(String id, String topology, String variant, String failover, Map<String, String> components,
                        StackOrigin origin, BaselineCheck baseline, BaselineCheck rejected, String provider,
                        Map<String, String> images) {
        public Stack {
            components = Map.copyOf(components);
            images = images == null ? Map.of() : Map.copyOf(images);
        }

        public Stack(String id, String topology, String variant, String failover, Map<String, String> components) {
            this(id, topology, variant, failover, components, null, null, null, null, Map.of());
        }

        /** For the report: "containers provider, 2 images: casedrill/casedrill:0e0e196b04e9 sha256:d8b6…, …". */
        public String describeWhere() {
            String where = provider == null ? "provider not recorded" : provider + " provider";
            if (images.isEmpty()) {
                return where;
            }
            List<String> named = new TreeMap<>(images).entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
            return where + ", " + images.size() + (images.size() == 1 ? " image: " : " images: ") + String.join(", ", named);
        }

        /** For the summary and the report: "reused stack, baseline verified in 6.20 s (9 checks, 3 repairs)". */
        public String describeOrigin() {
            if (origin == null) {
                return "stack origin not recorded";
            }
            String text = origin.label() + " stack" + (baseline == null ? origin == StackOrigin.ATTACHED ? ", used as it was (no reset)" : ""
                    : ", " + baseline.describe());
            return rejected == null ? text : text + "; replaced kept stack " + rejected.stackId() + " (" + rejected.describe() + ")";
        }
    }

    /** One thing that happened, on the drill clock (offset from the start of load) and in UTC. */
    public record TimelineEntry(long offsetMs, String wall, String kind, String what) {
    }

    /**
     * One target: what was demanded and what was measured, both as numbers, the verdict and the sentence why.
     *
     * @param checker the checker that judged it (see definitions)
     */
    public record TargetResult(String name, String checker, Demand target, Verdict verdict, Measured measured, String explanation) {
        public TargetResult {
            measured = measured == null ? new Measured.Nothing() : measured;
        }

        /** The measured value as people read it ("23.91 s"), made from the numbers. */
        public String measuredText() {
            return MeasuredText.of(measured);
        }
    }
}
