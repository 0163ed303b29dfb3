package casedrill.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the drill history. Each record is one event type with flat fields; EVENTS.md is the
 * format's documentation and must change with this file. {@code offsetMs} is the drill clock offset.
 */
public sealed interface Event {
    long offsetMs();

    default String type() {
        return Types.nameOf(getClass());
    }

    record DrillStarted(long offsetMs, String scenario) implements Event {}

    record DrillEnded(long offsetMs, String reason) implements Event {}

    record PhaseStarted(long offsetMs, String phase) implements Event {}

    /** An abort condition held for its {@code for:}; {@code heldMs} is how long, {@code value} its last value. */
    record AbortFired(long offsetMs, String condition, double value, long heldMs) implements Event {}

    /**
     * {@code offsetMs} is T_fault: the instant the fault took effect (first signal sent, proxy changed, first rule in,
     * switchover requested); {@code requestedAtMs} is when the harness began preparing it (null in older histories).
     * {@code name} is the scenario's name for the fault (null in older histories); {@code target} starts with it.
     * {@code slowsOnly}: the fault slows or throttles without failing requests by itself (latency, bandwidth, ...), so
     * success ratios cannot see its end. {@code lasting}: the fault stays in effect until its {@code fault_healed}
     * (false for one-off actions such as restart or switchover, and in older histories).
     */
    record FaultInjected(long offsetMs, String fault, String target, boolean slowsOnly, String name, boolean lasting,
                         Long requestedAtMs) implements Event {
        public FaultInjected(long offsetMs, String fault, String target, boolean slowsOnly) {
            this(offsetMs, fault, target, slowsOnly, null, false, null);
        }

        public FaultInjected(long offsetMs, String fault, String target) {
            this(offsetMs, fault, target, false);
        }
    }

    /** {@code name} is the scenario's name for the fault (null in older histories); {@code target} starts with it. */
    record FaultHealed(long offsetMs, String fault, String target, String name) implements Event {
        public FaultHealed(long offsetMs, String fault, String target) {
            this(offsetMs, fault, target, null);
        }
    }

    /** One canary probe; {@code offsetMs} is when it was sent, {@code status} 0 when no HTTP response came. */
    record Probe(long offsetMs, String transaction, Outcome outcome, int status, long latencyMs, String node)
            implements Event {}

    record LeaderObserved(long offsetMs, String node, String systemId, long timeline) implements Event {}

    /** A runbook began; {@code steps} is how many it has. */
    record RunbookStarted(long offsetMs, String runbook, int steps) implements Event {}

    /** A runbook step began (so a step that hangs or is cut short by the drill's end still shows). */
    record RunbookStepStarted(long offsetMs, String runbook, String step, String kind, String phase) implements Event {}

    /**
     * A runbook step ended; {@code offsetMs} is when it started, {@code status} {@code ok} or {@code failed},
     * {@code excerpt} a bounded, redacted excerpt of its output; {@code phase} is detect, decide or act.
     */
    record RunbookStep(long offsetMs, String runbook, String step, String status, long durationMs, String phase,
                       String excerpt) implements Event {
        public RunbookStep(long offsetMs, String runbook, String step, String status, long durationMs) {
            this(offsetMs, runbook, step, status, durationMs, "act", "");
        }
    }

    /** A runbook ended: {@code outcome} completed, failed or interrupted; {@code failedStep} names the step that stopped it. */
    record RunbookEnded(long offsetMs, String runbook, String outcome, String failedStep, String reason) implements Event {}

    /** An intake the service acknowledged (201/200); {@code offsetMs} is the ack, {@code sentOffsetMs} the send. */
    record WriteAcked(long offsetMs, long sentOffsetMs, String idempotencyKey, String caseId, String sha256,
                      String node, String systemId, long timeline) implements Event {}

    /** An intake whose outcome is unknown (timeout, connection reset after sending). */
    record WriteInDoubt(long offsetMs, long sentOffsetMs, String idempotencyKey, String sha256, String node,
                        String reason) implements Event {}

    /**
     * Gatling requests of one transaction and outcome that started in the second beginning at {@code offsetMs};
     * {@code histogram} is the HdrHistogram of latencies (microseconds), compressed and base64-encoded;
     * {@code lastSentMs} is the send offset of the latest of these requests (null in older histories).
     */
    record LoadSecond(long offsetMs, String transaction, Outcome outcome, long count, long p50Micros,
                      long p95Micros, long p99Micros, long maxMicros, String histogram, Long lastSentMs) implements Event {
        public LoadSecond(long offsetMs, String transaction, Outcome outcome, long count, long p50Micros,
                          long p95Micros, long p99Micros, long maxMicros, String histogram) {
            this(offsetMs, transaction, outcome, count, p50Micros, p95Micros, p99Micros, maxMicros, histogram, null);
        }
    }

    /** The verdict of reconciliation on one ledger entry that was not found intact. */
    record WriteReconciled(long offsetMs, String idempotencyKey, String verdict) implements Event {}

    /** Reconciliation summary against the surviving primary. */
    record Reconciled(long offsetMs, String systemId, long timeline, int acknowledged, int intact, int lost,
                      int altered, int inDoubtPresent, int inDoubtAbsent, int duplicated) implements Event {}

    /**
     * A heal that did not happen: the API that applies it failed or did not answer, or the restored state did not
     * read back. The fault stays active and in the lease for {@code recover}; {@code target} starts with its name.
     */
    record HealFailed(long offsetMs, String fault, String target, String name, String reason) implements Event {}

    /**
     * Something the drill injects through stopped answering (the stack's Toxiproxy server, a node the faults signal,
     * a Chaos Monkey actuator with an assault on): {@code component} names it, {@code address} is where it was asked,
     * {@code unhealed} the faults then active, which the drill can no longer heal or measure.
     */
    record InfrastructureFailed(long offsetMs, String component, String address, String reason, List<String> unhealed)
            implements Event {
        public InfrastructureFailed {
            unhealed = unhealed == null ? List.of() : List.copyOf(unhealed);
        }
    }

    /**
     * The drill judged its steady state before injecting anything: the window [{@code fromMs}, {@code toMs}) and the
     * rule it applied (success ratio at least {@code minSuccessRatio}; p95/p99 at most {@code maxP95Ms}/{@code maxP99Ms},
     * null when not demanded), so that the steady-state checker judges the same window by the same rule.
     */
    record SteadyStateJudged(long offsetMs, long fromMs, long toMs, double minSuccessRatio, Double maxP95Ms, Double maxP99Ms)
            implements Event {}

    /**
     * The cluster as sampled once (every second during a drill): {@code leader} is the member Patroni names leader (null
     * when no Patroni answered or none leads); per member, Patroni's view and PostgreSQL's own answer.
     */
    record ClusterSample(long offsetMs, String leader, List<ClusterMember> members) implements Event {
        public ClusterSample {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    /**
     * One database member in a {@link ClusterSample}. Patroni's view: {@code role}, {@code state}, {@code timeline},
     * {@code lagBytes} (each null when Patroni did not answer or did not list or know it). PostgreSQL's own answer:
     * {@code writable} is {@code pg_is_in_recovery() = false} asked over SQL, null when the database did not answer in
     * time ({@code sqlError} then says why) — unknown, never counted as writable or read-only.
     */
    record ClusterMember(String name, String role, String state, Long timeline, Long lagBytes, Boolean writable,
                         String sqlError) {
    }

    /**
     * A kept or fresh stack was reset and its baseline read back before this drill (before its load, so {@code offsetMs}
     * is negative: when the verification finished). {@code origin} is fresh or reused; {@code passed} every check passed;
     * {@code replacedStack} the kept stack whose verification failed and which a fresh one replaced (null when none).
     */
    record BaselineVerified(long offsetMs, String stack, String origin, boolean passed, long tookMs, List<BaselineItem> checks,
                            List<BaselineRepair> repairs, String replacedStack) implements Event {
        public BaselineVerified {
            checks = checks == null ? List.of() : List.copyOf(checks);
            repairs = repairs == null ? List.of() : List.copyOf(repairs);
        }
    }

    /** One rule of a {@link BaselineVerified} as read back: {@code seen} is what was there. */
    record BaselineItem(String rule, boolean passed, String seen) {
    }

    /** What the reset changed: {@code kind} (e.g. NODE_RESUMED, LEADER_SWITCHED) and the node, proxy or table. */
    record BaselineRepair(String kind, String subject) {
    }

    final class Types {
        static final Map<String, Class<? extends Event>> BY_NAME = new LinkedHashMap<>();

        static {
            BY_NAME.put("drill_started", DrillStarted.class);
            BY_NAME.put("drill_ended", DrillEnded.class);
            BY_NAME.put("phase_started", PhaseStarted.class);
            BY_NAME.put("abort_fired", AbortFired.class);
            BY_NAME.put("fault_injected", FaultInjected.class);
            BY_NAME.put("fault_healed", FaultHealed.class);
            BY_NAME.put("probe", Probe.class);
            BY_NAME.put("leader_observed", LeaderObserved.class);
            BY_NAME.put("runbook_started", RunbookStarted.class);
            BY_NAME.put("runbook_step_started", RunbookStepStarted.class);
            BY_NAME.put("runbook_step", RunbookStep.class);
            BY_NAME.put("runbook_ended", RunbookEnded.class);
            BY_NAME.put("write_acked", WriteAcked.class);
            BY_NAME.put("write_in_doubt", WriteInDoubt.class);
            BY_NAME.put("load_second", LoadSecond.class);
            BY_NAME.put("write_reconciled", WriteReconciled.class);
            BY_NAME.put("reconciled", Reconciled.class);
            BY_NAME.put("heal_failed", HealFailed.class);
            BY_NAME.put("infrastructure_failed", InfrastructureFailed.class);
            BY_NAME.put("steady_state_judged", SteadyStateJudged.class);
            BY_NAME.put("cluster_sample", ClusterSample.class);
            BY_NAME.put("baseline_verified", BaselineVerified.class);
        }

        private Types() {}

        static String nameOf(Class<?> type) {
            return BY_NAME.entrySet().stream()
                    .filter(e -> e.getValue() == type)
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("event class without a type name: " + type));
        }

        static Class<? extends Event> byName(String name) {
            return BY_NAME.get(name);
        }
    }
}
