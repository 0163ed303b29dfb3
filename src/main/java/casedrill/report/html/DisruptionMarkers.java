package casedrill.report.html;

import casedrill.check.Disruption;
import casedrill.check.RecoveryCriteria;
import casedrill.check.RecoveryTimeChecker;
import casedrill.history.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * T_fault and T_recovered of each disruption, as the RTO checker measures them ({@link RecoveryTimeChecker#measure}),
 * for the charts. One T_fault line per fault time; one T_recovered line per time a transaction that had failed
 * recovered, with every such transaction in its tooltip; the recovery with the disruption's worst RTO (where the
 * drill's RTO ends) is named on the chart.
 */
final class DisruptionMarkers {
    private DisruptionMarkers() {
    }

    static List<SvgChart.Marker> of(History history, RecoveryCriteria criteria) {
        Map<Long, List<String>> faults = new TreeMap<>();
        Map<Long, List<String>> recoveries = new TreeMap<>();
        Map<Long, Disruption> worstOfFault = new TreeMap<>();
        RecoveryTimeChecker.measure(history, criteria).forEach((tx, disruptions) -> {
            for (Disruption d : disruptions) {
                faults.computeIfAbsent(d.faultMs(), k -> new ArrayList<>())
                        .add(tx + (!d.recovered() ? " (never recovered)" : d.rtoMs() == 0 ? " (no request failed)" : ""));
                // A transaction that never failed has nothing to recover from: no line, or the chart fills with them.
                if (d.recovered() && d.rtoMs() > 0) {
                    recoveries.computeIfAbsent(d.recoveredMs().getAsLong(), k -> new ArrayList<>())
                            .add(tx + " (RTO " + seconds(d.rtoMs()) + ")");
                    worstOfFault.merge(d.faultMs(), d, (a, b) -> b.rtoMs() > a.rtoMs() ? b : a);
                }
            }
        });
        List<Long> worstRecoveries = worstOfFault.values().stream().map(d -> d.recoveredMs().getAsLong()).toList();
        List<SvgChart.Marker> markers = new ArrayList<>();
        faults.forEach((at, txs) -> markers.add(new SvgChart.Marker(at / 1000.0, SvgChart.Marker.Kind.FAULT, "T_fault",
                "T_fault " + seconds(at) + ": disruption of " + String.join(", ", txs))));
        recoveries.forEach((at, txs) -> markers.add(new SvgChart.Marker(at / 1000.0, SvgChart.Marker.Kind.RECOVERED,
                worstRecoveries.contains(at) ? "T_recovered" : "",
                "T_recovered " + seconds(at) + " (success ≥ " + SvgChart.number(criteria.threshold() * 100) + " %): "
                        + String.join(", ", txs))));
        return markers;
    }

    private static String seconds(long ms) {
        return SvgChart.number(Math.round(ms / 100.0) / 10.0) + " s";
    }
}
