package casedrill.check;

import casedrill.history.History;
import casedrill.notation.Durations;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * RTO per transaction and overall (the max), per disruption, from canary probes and Gatling requests. Unprovoked
 * disruptions (a fall after recovery with no fault active) have their own RTO and count like any other.
 */
public final class RecoveryTimeChecker implements Checker {
    public static final String NAME = "rto";

    @Override
    public String name() {
        return NAME;
    }

    /** Disruptions per transaction: what the report tabulates. */
    public static Map<String, List<Disruption>> measure(History history, RecoveryCriteria criteria) {
        return measure(history, criteria, history.endMs());
    }

    /**
     * Disruptions per transaction as seen at {@code endMs}: the live progress line judges what it has seen so far with
     * this, the same code as the verdict.
     */
    public static Map<String, List<Disruption>> measure(History history, RecoveryCriteria criteria, long endMs) {
        List<FaultSpan> faults = FaultSpan.of(history);
        Map<String, List<Disruption>> result = new TreeMap<>();
        Samples.perTransaction(history).forEach((tx, samples) ->
                result.put(tx, RecoveryAnalysis.disruptions(samples, faults, criteria, endMs)));
        return result;
    }

    /** Whether anything opened a disruption: a fault, or a runbook's first {@code act} step. */
    private static boolean anyFault(History history) {
        return !FaultSpan.of(history).isEmpty();
    }

    @Override
    public CheckResult check(History history, Targets targets) {
        if (targets.rto() == null) {
            return CheckResult.unknown(NAME, "no RTO target set");
        }
        if (!anyFault(history)) {
            return CheckResult.pass(NAME, RecoveryMeasurement.of(Map.of()), "no fault was injected and no runbook ran, so nothing had to recover");
        }
        Map<String, List<Disruption>> byTx = measure(history, targets.recovery());
        if (byTx.isEmpty()) {
            return CheckResult.unknown(NAME, "no probe or load results in the history, so recovery cannot be measured");
        }
        String cases = byTx.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().stream().map(d -> DisruptionText.describe(d, history.endMs())).collect(Collectors.joining("; ")))
                .collect(Collectors.joining(". "));
        for (var e : byTx.entrySet()) {
            for (Disruption d : e.getValue()) {
                if (!d.recovered()) {
                    return CheckResult.fail(NAME, RecoveryMeasurement.of(byTx), e.getKey() + " not recovered by end ("
                            + DisruptionText.opening(d) + "). " + cases);
                }
            }
        }
        long worst = byTx.values().stream().flatMap(List::stream).mapToLong(Disruption::rtoMs).max().orElse(0);
        String perTx = byTx.entrySet().stream()
                .map(e -> e.getKey() + " " + Durations.seconds(e.getValue().stream()
                        .mapToLong(Disruption::rtoMs).max().orElse(0)))
                .collect(Collectors.joining(", "));
        String line = "worst per transaction: " + perTx + "; target " + Durations.seconds(targets.rto().toMillis()) + ". " + cases;
        return CheckResult.judged(NAME, worst <= targets.rto().toMillis(), RecoveryMeasurement.of(byTx), line);
    }
}
