package casedrill.check;

import casedrill.history.Event;
import casedrill.history.History;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** RTO per transaction and overall (the max), per disruption, from canary probes and Gatling requests. */
public final class RecoveryTimeChecker implements Checker {
    public static final String NAME = "rto";

    @Override
    public String name() {
        return NAME;
    }

    /** Disruptions per transaction: what the report tabulates. */
    public static Map<String, List<Disruption>> measure(History history, RecoveryCriteria criteria) {
        List<Long> faults = faultTimes(history);
        Map<String, List<Disruption>> result = new TreeMap<>();
        Samples.perTransaction(history).forEach((tx, samples) ->
                result.put(tx, RecoveryAnalysis.disruptions(samples, faults, criteria, history.endMs())));
        return result;
    }

    /**
     * Per transaction, the earliest time the signal fell below the threshold again after a disruption had recovered
     * with no new fault (see {@link RecoveryAnalysis#relapse}); transactions whose recoveries held are absent.
     */
    public static Map<String, Long> relapses(History history, RecoveryCriteria criteria) {
        List<Long> faults = faultTimes(history);
        Map<String, Long> result = new TreeMap<>();
        Samples.perTransaction(history).forEach((tx, samples) ->
                RecoveryAnalysis.disruptions(samples, faults, criteria, history.endMs()).stream()
                        .map(d -> RecoveryAnalysis.relapse(samples, d, faults, criteria, history.endMs()))
                        .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min()
                        .ifPresent(t -> result.put(tx, t)));
        return result;
    }

    /**
     * Disruption starts: every fault, and the start of a runbook's first {@code act} step — where a planned switchover
     * starts changing the system, so its blip is measured like a fault's (its checks and approval before are not downtime).
     */
    static List<Long> faultTimes(History history) {
        var firstAct = history.all(Event.RunbookStep.class).filter(s -> "act".equals(s.phase())).map(Event::offsetMs).min(Long::compare);
        return java.util.stream.Stream.concat(history.all(Event.FaultInjected.class).map(Event::offsetMs), firstAct.stream())
                .sorted().toList();
    }

    private static String relapseNote(History history, RecoveryCriteria criteria) {
        Map<String, Long> relapses = relapses(history, criteria);
        if (relapses.isEmpty()) {
            return "";
        }
        return "; after recovering, success fell below " + Durations.percent(criteria.threshold()) + " again with no new fault: "
                + relapses.entrySet().stream().map(e -> e.getKey() + " at " + Durations.seconds(e.getValue()))
                        .collect(Collectors.joining(", "))
                + " (not counted in the RTO by the definition; the error budget counts those requests)";
    }

    @Override
    public CheckResult check(History history, Targets targets) {
        if (targets.rto() == null) {
            return CheckResult.unknown(NAME, "no RTO target set");
        }
        if (faultTimes(history).isEmpty()) {
            return CheckResult.pass(NAME, RecoveryMeasurement.of(Map.of()), "no fault was injected and no runbook ran, so nothing had to recover");
        }
        Map<String, List<Disruption>> byTx = measure(history, targets.recovery());
        if (byTx.isEmpty()) {
            return CheckResult.unknown(NAME, "no probe or load results in the history, so recovery cannot be measured");
        }
        for (var e : byTx.entrySet()) {
            for (Disruption d : e.getValue()) {
                if (!d.recovered()) {
                    return CheckResult.fail(NAME, RecoveryMeasurement.of(byTx),
                            e.getKey() + " not recovered by end (fault at " + Durations.seconds(d.faultMs()) + ")");
                }
            }
        }
        long worst = byTx.values().stream().flatMap(List::stream).mapToLong(Disruption::rtoMs).max().orElse(0);
        String perTx = byTx.entrySet().stream()
                .map(e -> e.getKey() + " " + Durations.seconds(e.getValue().stream()
                        .mapToLong(Disruption::rtoMs).max().orElse(0)))
                .collect(Collectors.joining(", "));
        String line = "worst over " + byTx.values().iterator().next().size() + " disruption(s): " + perTx
                + "; target " + Durations.seconds(targets.rto().toMillis()) + relapseNote(history, targets.recovery());
        return CheckResult.judged(NAME, worst <= targets.rto().toMillis(), RecoveryMeasurement.of(byTx), line);
    }
}
