package casedrill.drill;

import casedrill.check.Disruption;
import casedrill.check.RecoveryCriteria;
import casedrill.check.RecoveryTimeChecker;
import casedrill.check.Verdict;
import casedrill.history.Event;
import casedrill.history.History;
import casedrill.notation.Durations;
import casedrill.observer.ObservedWrite;
import casedrill.observer.ObserverOutage;
import casedrill.observer.ObserverSettings;
import casedrill.observer.ReadBack;
import casedrill.report.DrillResult.TargetResult;
import casedrill.report.ObserverResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sets the independent observer's figures beside the checkers' verdicts, after they ran: an RTO verdict whose figure
 * the observer's outage contradicts by more than the tolerance, or an RPO verdict of no loss while the observer lost
 * an acknowledged write, becomes UNKNOWN with both figures in the reason. The checkers themselves are not touched.
 */
final class ObserverCrossCheck {
    /** The observer writes intake cases, so the drill's intake figures are what it can confirm. */
    static final String OBSERVED_TRANSACTION = "intake";

    /** The targets as they now stand, and the observer's figures for result.json. */
    record Outcome(List<TargetResult> targets, ObserverResult observer) {
    }

    private ObserverCrossCheck() {
    }

    /** At most the sliding window plus one probe interval: the drill's own resolution of T_recovered. */
    static Duration tolerance(RecoveryCriteria criteria, Duration probeInterval) {
        return criteria.window().plus(probeInterval);
    }

    static Outcome apply(List<TargetResult> targets, History history, RecoveryCriteria criteria, Duration probeInterval,
                         ObserverSettings settings, List<ObservedWrite> writes, ReadBack readBack) {
        long toleranceMs = tolerance(criteria, probeInterval).toMillis();
        boolean sawEdge = writes.stream().anyMatch(ObservedWrite::acknowledged);
        List<ObserverResult.Comparison> comparisons = new ArrayList<>();
        drillRtos(history, criteria).forEach((faultMs, drillRto) -> {
            ObserverOutage o = ObserverOutage.of(writes, faultMs, new ObserverOutage.Criteria(criteria.window().toMillis(),
                    criteria.threshold(), criteria.stability().toMillis()));
            Long difference = drillRto != null && o.outageMs() != null ? Math.abs(o.outageMs() - drillRto) : null;
            boolean agrees = difference != null ? difference <= toleranceMs : drillRto == null && o.outageMs() == null;
            comparisons.add(new ObserverResult.Comparison(faultMs, drillRto, o.recoveredMs(), o.outageMs(), difference, agrees));
        });
        Long agreement = comparisons.stream().map(ObserverResult.Comparison::differenceMs).filter(d -> d != null)
                .max(Long::compare).orElse(null);
        Boolean rtoAgrees = !sawEdge || comparisons.isEmpty() ? null : comparisons.stream().allMatch(ObserverResult.Comparison::agrees);
        Integer ledgerLost = history.all(Event.Reconciled.class).reduce((a, b) -> b).map(r -> r.lost() + r.altered()).orElse(null);
        Integer lost = readBack == null ? null : readBack.lostCount();
        Boolean rpoAgrees = lost == null || ledgerLost == null ? null : !(ledgerLost == 0 && lost > 0);
        String note = !sawEdge ? "the observer saw no write acknowledged, so it confirms nothing; verdicts left as the checkers gave them"
                : comparisons.isEmpty() ? "no disruption to compare" : null;
        ObserverResult observer = new ObserverResult(settings.keyPrefix(), settings.spacing().toMillis(), settings.inFlight(),
                settings.timeout().toMillis(), writes.size(), count(writes, ObservedWrite.Outcome.ACKNOWLEDGED),
                count(writes, ObservedWrite.Outcome.IN_DOUBT), count(writes, ObservedWrite.Outcome.REJECTED), toleranceMs,
                comparisons, agreement, rtoAgrees, readBack == null ? null : readBack.primary(), lost,
                readBack == null ? null : concat(readBack.lost(), readBack.altered()), ledgerLost, rpoAgrees, note);
        List<TargetResult> adjusted = targets.stream().map(t -> {
            if ("rto".equals(t.name()) && Boolean.FALSE.equals(rtoAgrees)) {
                return unknown(t, "the independent observer disagrees: " + rtoFigures(comparisons, toleranceMs));
            }
            if ("rpo".equals(t.name()) && Boolean.FALSE.equals(rpoAgrees)) {
                return unknown(t, "the independent observer lost " + lost + " of its " + readBack.acknowledged()
                        + " acknowledged writes on " + readBack.primary() + " while the ledger lost " + ledgerLost);
            }
            return t;
        }).toList();
        return new Outcome(adjusted, observer);
    }

    /**
     * The drill's RTO of the transaction the observer exercises (intake) per disruption, keyed by T_fault; null when it
     * never recovered. Other transactions may rightly recover at other times, so they are not held against the observer.
     */
    static Map<Long, Long> drillRtos(History history, RecoveryCriteria criteria) {
        Map<Long, Long> rtos = new TreeMap<>();
        for (Disruption d : RecoveryTimeChecker.measure(history, criteria).getOrDefault(OBSERVED_TRANSACTION, List.of())) {
            rtos.put(d.faultMs(), d.recovered() ? d.rtoMs() : null);
        }
        return rtos;
    }

    private static String rtoFigures(List<ObserverResult.Comparison> comparisons, long toleranceMs) {
        return String.join("; ", comparisons.stream().filter(c -> !c.agrees()).map(c -> "fault at " + Durations.seconds(c.faultMs())
                + ": drill RTO " + ObserverResult.orNever(c.drillRtoMs()) + ", observer's outage " + ObserverResult.orNever(c.observerOutageMs())
                + (c.differenceMs() == null ? "" : ", " + Durations.seconds(c.differenceMs()) + " apart")
                + " (tolerance " + Durations.seconds(toleranceMs) + ")").toList());
    }

    private static TargetResult unknown(TargetResult t, String why) {
        return new TargetResult(t.name(), t.checker(), t.target(), Verdict.UNKNOWN, t.measured(),
                why + "; the checker said " + t.verdict() + ": " + t.explanation());
    }

    private static int count(List<ObservedWrite> writes, ObservedWrite.Outcome outcome) {
        return (int) writes.stream().filter(w -> w.outcome() == outcome).count();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
