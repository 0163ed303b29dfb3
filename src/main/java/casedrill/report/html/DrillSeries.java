package casedrill.report.html;

import casedrill.check.RecoveryCriteria;
import casedrill.history.Event;
import casedrill.history.History;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the charts draw, per second of the drill clock, derived from the history alone: requests
 * (Gatling and probes) succeeded and failed, in all and failed per transaction, latency percentiles, leader
 * periods per node and replication lag per member (from the cluster samples, see {@link ClusterTimelines}; leader
 * observations in histories without samples), the fault and runbook bands, and each disruption's T_fault and T_recovered. A second in
 * which no request was recorded at all has no value (NaN), not zero: the charts leave a gap there.
 */
record DrillSeries(double endSec, double[] okPerSec, double[] failedPerSec, double[] p95Ms, double[] p99Ms,
                   List<TransactionFailures> failuresByTransaction, List<SvgChart.Lane> leaders,
                   List<ClusterTimelines.MemberLag> lag, SvgChart.Overlay overlay) {

    /** One transaction's failed requests per second (NaN where no request at all was recorded), and its totals. */
    record TransactionFailures(String transaction, long requests, long failed, double[] failedPerSec) {
    }

    /** With the default recovery criteria, for callers that do not know the scenario's. */
    static DrillSeries of(History history) {
        return of(history, RecoveryCriteria.DEFAULT);
    }

    static DrillSeries of(History history, RecoveryCriteria criteria) {
        double end = Math.max(1, history.endMs() / 1000.0);
        int n = (int) Math.ceil(end);
        double[] ok = new double[n];
        double[] failed = new double[n];
        double[] p95 = nans(n);
        double[] p99 = nans(n);
        boolean[] seen = new boolean[n];
        Map<String, double[]> failedByTx = new TreeMap<>();
        Map<String, long[]> requestsByTx = new TreeMap<>();
        boolean anyRequests = false;
        for (Event e : history.events()) {
            int s = (int) (e.offsetMs() / 1000);
            if (s < 0 || s >= n) {
                continue;
            }
            if (e instanceof Event.LoadSecond l) {
                anyRequests = true;
                seen[s] = true;
                count(l.transaction(), s, l.outcome().ok() ? 0 : l.count(), l.count(), n, failedByTx, requestsByTx);
                if (l.outcome().ok()) {
                    ok[s] += l.count();
                    p95[s] = max(p95[s], l.p95Micros() / 1000.0);
                    p99[s] = max(p99[s], l.p99Micros() / 1000.0);
                } else {
                    failed[s] += l.count();
                }
            } else if (e instanceof Event.Probe p) {
                anyRequests = true;
                seen[s] = true;
                count(p.transaction(), s, p.outcome().ok() ? 0 : 1, 1, n, failedByTx, requestsByTx);
                if (p.outcome().ok()) {
                    ok[s]++;
                } else {
                    failed[s]++;
                }
            }
        }
        List<TransactionFailures> byTx = new ArrayList<>();
        failedByTx.forEach((tx, perSec) -> byTx.add(new TransactionFailures(tx, requestsByTx.get(tx)[0],
                Math.round(Arrays.stream(perSec).sum()), unseenAsGaps(perSec, seen))));
        return new DrillSeries(end, anyRequests ? unseenAsGaps(ok, seen) : new double[0],
                anyRequests ? unseenAsGaps(failed, seen) : new double[0], p95, p99, anyRequests ? byTx : List.of(),
                ClusterTimelines.sampled(history) ? ClusterTimelines.leaders(history) : leaders(history),
                ClusterTimelines.lag(history, n), new SvgChart.Overlay(bands(history), DisruptionMarkers.of(history, criteria)));
    }

    private static void count(String tx, int second, long failed, long all, int n, Map<String, double[]> failedByTx,
                              Map<String, long[]> requestsByTx) {
        failedByTx.computeIfAbsent(tx, k -> new double[n])[second] += failed;
        requestsByTx.computeIfAbsent(tx, k -> new long[1])[0] += all;
    }

    private static double[] unseenAsGaps(double[] values, boolean[] seen) {
        for (int s = 0; s < values.length; s++) {
            if (!seen[s]) {
                values[s] = Double.NaN;
            }
        }
        return values;
    }

    boolean hasRequests() {
        return okPerSec.length > 0;
    }

    boolean hasLatency() {
        return Arrays.stream(p95Ms).anyMatch(v -> !Double.isNaN(v));
    }

    private static List<SvgChart.Lane> leaders(History history) {
        List<Event.LeaderObserved> seen = history.all(Event.LeaderObserved.class).toList();
        TreeSet<String> nodes = new TreeSet<>();
        seen.forEach(l -> nodes.add(l.node()));
        Map<String, List<double[]>> periods = new LinkedHashMap<>();
        nodes.forEach(node -> periods.put(node, new ArrayList<>()));
        double end = history.endMs() / 1000.0;
        for (int i = 0; i < seen.size(); i++) {
            double from = seen.get(i).offsetMs() / 1000.0;
            double to = i + 1 < seen.size() ? seen.get(i + 1).offsetMs() / 1000.0 : end;
            extend(periods.get(seen.get(i).node()), from, to);
        }
        return periods.entrySet().stream().map(e -> new SvgChart.Lane(e.getKey(), e.getValue())).toList();
    }

    /** Adds [from, to] to a lane's periods, joining it to the last period when that ends where this one starts. */
    static void extend(List<double[]> periods, double from, double to) {
        if (!periods.isEmpty() && periods.get(periods.size() - 1)[1] == from) {
            periods.get(periods.size() - 1)[1] = to;
        } else {
            periods.add(new double[] {from, to});
        }
    }

    private static List<SvgChart.Band> bands(History history) {
        List<SvgChart.Band> bands = new ArrayList<>();
        double end = history.endMs() / 1000.0;
        List<Event.FaultHealed> heals = new ArrayList<>(history.all(Event.FaultHealed.class).toList());
        for (Event.FaultInjected f : history.all(Event.FaultInjected.class).toList()) {
            Event.FaultHealed heal = heals.stream().filter(h -> h.fault().equals(f.fault()) && h.target().equals(f.target())
                    && h.offsetMs() >= f.offsetMs()).findFirst().orElse(null);
            heals.remove(heal);
            double to = heal == null ? end : heal.offsetMs() / 1000.0;
            bands.add(new SvgChart.Band(f.offsetMs() / 1000.0, to, f.fault() + " " + f.target() + " (" + SvgChart.number(f.offsetMs() / 1000.0)
                    + "–" + SvgChart.number(to) + " s)", false));
        }
        history.all(Event.RunbookStep.class).forEach(r -> bands.add(new SvgChart.Band(r.offsetMs() / 1000.0,
                (r.offsetMs() + r.durationMs()) / 1000.0, "runbook step: " + r.step() + " (" + r.status() + ")", true)));
        return bands;
    }

    /** A series with no value yet in any of its {@code n} seconds. */
    static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static double max(double a, double b) {
        return Double.isNaN(a) ? b : Math.max(a, b);
    }
}
