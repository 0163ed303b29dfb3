package casedrill.report;

import java.util.Locale;

/** {@code summary.md}: the verdict, the target table and the timeline, for a pull request or a ticket. */
public final class SummaryMarkdown {
    public static final String FILE = "summary.md";

    private SummaryMarkdown() {
    }

    public static String render(DrillResult r) {
        StringBuilder md = new StringBuilder();
        md.append("# Drill ").append(r.scenario().id()).append(": ").append(r.verdict()).append("\n\n");
        md.append(r.scenario().title()).append("\n\n");
        md.append("- run: `").append(r.runId()).append("`").append(r.release() == null ? "" : ", release `" + r.release() + "`").append(", ").append(r.startedAt()).append(" → ").append(r.endedAt())
                .append(String.format(Locale.ROOT, " (%.1f s wall time)%n", r.wallTimeMs() / 1000.0));
        md.append("- scenario: `").append(r.scenario().file()).append("` (sha256 `").append(r.scenario().sha256()).append("`)\n");
        if (r.stack() != null) {
            md.append("- stack: ").append(r.stack().id()).append(", ").append(r.stack().variant()).append("; failover ")
                    .append(r.stack().failover()).append("; ").append(r.stack().describeOrigin()).append("\n");
        }
        md.append("- exit code ").append(r.exitCode()).append(": ").append(r.reason()).append("\n\n");
        md.append("| target | demanded | measured | verdict | why |\n|---|---|---|---|---|\n");
        for (DrillResult.TargetResult t : r.targets()) {
            md.append("| ").append(cell(t.name())).append(" | ").append(cell(t.target().text())).append(" | ").append(cell(t.measuredText()))
                    .append(" | ").append(t.verdict()).append(" | ").append(cell(t.explanation())).append(" |\n");
        }
        md.append(r.observer() == null ? "" : "\n- " + r.observer().describe() + "\n");
        md.append("\n## Timeline\n\n| offset | what |\n|---|---|\n");
        for (DrillResult.TimelineEntry e : r.timeline()) {
            md.append(String.format(Locale.ROOT, "| %.1f s | %s: %s |%n", e.offsetMs() / 1000.0, e.kind(), cell(e.what())));
        }
        return md.toString();
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
