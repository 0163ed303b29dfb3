package casedrill.report;

import casedrill.check.Measured;
import casedrill.notation.Durations;
import casedrill.notation.Percentage;
import java.util.Locale;
import java.util.stream.Collectors;

/** A measurement as people read it in a table cell or a terminal line ("23.91 s", "3 of 1950 failed (0.154 %)"). */
public final class MeasuredText {
    private MeasuredText() {
    }

    public static String of(Measured m) {
        if (m instanceof Measured.Seconds s) {
            return Durations.seconds(s.seconds());
        } else if (m instanceof Measured.Ratio r) {
            return Percentage.measured(r.ratio());
        } else if (m instanceof Measured.Count c) {
            return Long.toString(c.count());
        } else if (m instanceof Measured.Recovery r) {
            return r.recovered() ? Durations.seconds(r.rtoSeconds()) : "not recovered";
        } else if (m instanceof Measured.Writes w) {
            return Durations.seconds(w.rpoSeconds()) + (w.lost() + w.altered() == 0 ? "" : ", " + (w.lost() + w.altered()) + " of " + w.acknowledged()
                    + " writes lost") + (w.duplicated() == 0 ? "" : ", " + w.duplicated() + " duplicated");
        } else if (m instanceof Measured.Requests r) {
            return r.failed() + " of " + r.total() + " failed (" + Percentage.measured(r.ratio()) + ")";
        } else if (m instanceof Measured.Primaries p) {
            if (p.writableTogetherMs() != null) {
                return "overlap: " + String.join(" and ", p.writableTogether()) + " writable together for " + Durations.seconds(p.writableTogetherMs() / 1000.0);
            }
            return p.overlap() ? "overlap: " + p.primaries() + " primaries, 2 accepted writes at once"
                    : "no overlap: " + p.primaries() + (p.primaries() == 1 ? " primary throughout" : " primaries, one after another");
        } else if (m instanceof Measured.Latency l) {
            return l.phases().stream().map(p -> String.format(Locale.ROOT, "%s p95 %.1f / p99 %.1f ms", p.phase(), p.p95Ms(), p.p99Ms()))
                    .collect(Collectors.joining(", "));
        } else if (m instanceof Measured.Runbook r) {
            return switch (r.outcome()) {
                case "completed" -> "detect " + Durations.seconds(r.detectSeconds()) + ", decide " + Durations.seconds(r.decideSeconds()) + ", act "
                        + (r.actSeconds() == null ? "-" : Durations.seconds(r.actSeconds()));
                case "failed" -> "failed at '" + r.failedStep() + "'";
                default -> r.outcome();
            };
        } else if (m instanceof Measured.Legacy l) {
            return l.text();
        }
        return "-";
    }

}
