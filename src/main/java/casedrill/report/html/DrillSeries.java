package casedrill.report.html;

import casedrill.history.Event;
import casedrill.history.History;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the charts draw, per second of the drill clock, derived from the history alone: requests
 * (Gatling and probes) succeeded and failed, latency percentiles, leader periods per node, and the
 * fault and runbook bands.
 */
record DrillSeries(double endSec, double[] okPerSec, double[] failedPerSec, double[] p95Ms, double[] p99Ms,
                   List<SvgChart.Lane> leaders, List<SvgChart.Band> bands) {

    static DrillSeries of(History history) {
        double end = Math.max(1, history.endMs() / 1000.0);
        int n = (int) Math.ceil(end);
        double[] ok = new double[n];
        double[] failed = new double[n];
        double[] p95 = nans(n);
        double[] p99 = nans(n);
        boolean anyRequests = false;
        for (Event e : history.events()) {
            int s = (int) (e.offsetMs() / 1000);
            if (s < 0 || s >= n) {
                continue;
            }
            if (e instanceof Event.LoadSecond l) {
                anyRequests = true;
                if (l.outcome().ok()) {
                    ok[s] += l.count();
                    p95[s] = max(p95[s], l.p95Micros() / 1000.0);
                    p99[s] = max(p99[s], l.p99Micros() / 1000.0);
                } else {
                    failed[s] += l.count();
                }
            } else if (e instanceof Event.Probe p) {
                anyRequests = true;
                if (p.outcome().ok()) {
                    ok[s]++;
                } else {
                    failed[s]++;
                }
            }
        }
        return new DrillSeries(end, anyRequests ? ok : new double[0], anyRequests ? failed : new double[0], p95, p99,
                leaders(history), bands(history));
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
            List<double[]> list = periods.get(seen.get(i).node());
            if (!list.isEmpty() && list.get(list.size() - 1)[1] == from) {
                list.get(list.size() - 1)[1] = to;
            } else {
                list.add(new double[] {from, to});
            }
        }
        return periods.entrySet().stream().map(e -> new SvgChart.Lane(e.getKey(), e.getValue())).toList();
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

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static double max(double a, double b) {
        return Double.isNaN(a) ? b : Math.max(a, b);
    }
}
