package casedrill.report.html;

import casedrill.history.Event;
import casedrill.history.History;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The leader lanes and replication lag drawn from the history's cluster samples. A sample stands for the time until the
 * next one (at most {@link #HOLD_MS}, so a stalled sampler leaves a gap rather than a guess); a sample in which nobody
 * was named leader is a gap in every lane, and a second without a lag figure for a member is a gap in its line.
 */
final class ClusterTimelines {
    private static final long HOLD_MS = 2_000;

    /** One member's replication lag in bytes per second of the drill (NaN where none was sampled). */
    record MemberLag(String member, double[] bytesPerSec) {
        double peak() {
            return Arrays.stream(bytesPerSec).filter(v -> !Double.isNaN(v)).max().orElse(0);
        }
    }

    private ClusterTimelines() {
    }

    static boolean sampled(History history) {
        return history.all(Event.ClusterSample.class).findAny().isPresent();
    }

    /**
     * A lane per sampled member (in name order) with the periods Patroni named it leader and the periods its own
     * PostgreSQL answered writable: two members writable at once show as two stripes, whoever Patroni named.
     */
    static List<SvgChart.Lane> leaders(History history) {
        List<Event.ClusterSample> samples = history.all(Event.ClusterSample.class).toList();
        Map<String, List<double[]>> leading = new TreeMap<>();
        Map<String, List<double[]>> writable = new TreeMap<>();
        samples.forEach(s -> s.members().forEach(m -> {
            leading.computeIfAbsent(m.name(), k -> new ArrayList<>());
            writable.computeIfAbsent(m.name(), k -> new ArrayList<>());
        }));
        for (int i = 0; i < samples.size(); i++) {
            Event.ClusterSample s = samples.get(i);
            long until = Math.min(i + 1 < samples.size() ? samples.get(i + 1).offsetMs() : history.endMs(), s.offsetMs() + HOLD_MS);
            double from = s.offsetMs() / 1000.0;
            double to = Math.max(from, until / 1000.0);
            if (s.leader() != null) {
                DrillSeries.extend(leading.computeIfAbsent(s.leader(), k -> new ArrayList<>()), from, to);
            }
            s.members().stream().filter(m -> Boolean.TRUE.equals(m.writable()))
                    .forEach(m -> DrillSeries.extend(writable.get(m.name()), from, to));
        }
        return leading.entrySet().stream().map(e -> new SvgChart.Lane(e.getKey(), e.getValue(),
                writable.getOrDefault(e.getKey(), List.of()))).toList();
    }

    /** Lag per member that ever reported one, over {@code seconds} seconds; the largest in a second if sampled twice. */
    static List<MemberLag> lag(History history, int seconds) {
        Map<String, double[]> perMember = new LinkedHashMap<>();
        for (Event.ClusterSample s : history.all(Event.ClusterSample.class).toList()) {
            int second = (int) (s.offsetMs() / 1000);
            if (second < 0 || second >= seconds) {
                continue;
            }
            for (Event.ClusterMember m : s.members()) {
                if (m.lagBytes() == null) {
                    continue;
                }
                double[] values = perMember.computeIfAbsent(m.name(), k -> DrillSeries.nans(seconds));
                values[second] = Double.isNaN(values[second]) ? m.lagBytes() : Math.max(values[second], m.lagBytes());
            }
        }
        return new TreeMap<>(perMember).entrySet().stream().map(e -> new MemberLag(e.getKey(), e.getValue())).toList();
    }
}
