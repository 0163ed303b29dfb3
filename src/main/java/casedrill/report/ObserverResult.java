package casedrill.report;

import casedrill.notation.Durations;
import java.util.List;
import java.util.Locale;

/**
 * The independent observer's figures beside the verdict (result.json's {@code observer}, see RESULT.md): its writes,
 * its outage per disruption against the drill's RTO, and its acknowledged writes read back after reconciliation.
 *
 * @param toleranceMs  how far the observer's outage may differ from the drill's RTO (window + probe interval)
 * @param agreementMs  the largest difference over the disruptions; null when nothing could be compared
 * @param rtoAgrees    null when not compared (no disruption, or the observer saw nothing to compare)
 * @param lost         acknowledged writes of the observer absent or altered on the surviving primary; null when not read back
 * @param ledgerLost   what the drill's reconciliation found lost or altered, for comparison; null when it did not run
 * @param rpoAgrees    false when the observer lost a write while the ledger lost none; null when not compared
 * @param note         one sentence when the cross-check could not be made, else null
 */
public record ObserverResult(String keyPrefix, long spacingMs, int inFlight, long timeoutMs, int attempts, int acknowledged,
                             int inDoubt, int rejected, long toleranceMs, List<Comparison> disruptions, Long agreementMs,
                             Boolean rtoAgrees, String primary, Integer lost, List<String> lostKeys, Integer ledgerLost,
                             Boolean rpoAgrees, String note) {
    public ObserverResult {
        disruptions = List.copyOf(disruptions);
        lostKeys = lostKeys == null ? List.of() : List.copyOf(lostKeys);
    }

    /**
     * One disruption seen both ways.
     *
     * @param drillRtoMs       the drill's RTO of that disruption (the worst transaction); null when not recovered by the end
     * @param observerOutageMs the observer's outage from the same T_fault; null when it never saw a recovery
     * @param differenceMs     |observer − drill|; null when only one side recovered
     */
    public record Comparison(long faultMs, Long drillRtoMs, Long observerRecoveredMs, Long observerOutageMs, Long differenceMs,
                             boolean agrees) {
    }

    /** The line reports print beside the verdict. */
    public String describe() {
        StringBuilder s = new StringBuilder("cross-checked by an independent observer");
        if (agreementMs != null) {
            s.append(": agreement ").append(Durations.seconds(agreementMs)).append(" (tolerance ").append(Durations.seconds(toleranceMs)).append(")");
        }
        disruptions.stream().findFirst().ifPresent(d -> s.append("; its outage ")
                .append(orNever(d.observerOutageMs())).append(" vs drill RTO ").append(orNever(d.drillRtoMs())));
        s.append(String.format(Locale.ROOT, "; %,d acknowledged writes", acknowledged));
        s.append(lost == null ? ", not read back" : String.format(Locale.ROOT, ", %,d lost", lost));
        if (Boolean.FALSE.equals(rtoAgrees) || Boolean.FALSE.equals(rpoAgrees)) {
            s.append(" — DISAGREES with the drill");
        }
        if (note != null) {
            s.append(" (").append(note).append(")");
        }
        return s.toString();
    }

    /** A duration that may never have ended. */
    public static String orNever(Long ms) {
        return ms == null ? "not recovered by end" : Durations.seconds(ms);
    }
}
