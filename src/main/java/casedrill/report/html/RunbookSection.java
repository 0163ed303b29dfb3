package casedrill.report.html;

import static casedrill.report.Markup.esc;

import casedrill.history.Event;
import casedrill.history.History;
import casedrill.report.DrillResult;
import java.util.List;
import java.util.Optional;

/** Runbook step timings, when the drill failed over by runbook. */
final class RunbookSection {
    private RunbookSection() {
    }

    static String render(History history, String failover) {
        return render(history, failover, Optional.empty());
    }

    /** With the runbook target's result: its verdict and the RTO split (computed with the scenario's recovery criteria). */
    static String render(History history, String failover, Optional<DrillResult.TargetResult> target) {
        List<Event.RunbookStep> steps = history.all(Event.RunbookStep.class).toList();
        StringBuilder html = new StringBuilder("<section id=\"runbook\"><h2>Runbook steps</h2>\n");
        if (steps.isEmpty()) {
            return html.append("<p>Failover mode: ").append(esc(failover)).append(". No runbook step was executed in this run.</p></section>\n").toString();
        }
        html.append("<p>Failover mode: ").append(esc(failover)).append(".</p>\n");
        target.ifPresent(t -> html.append("<p>Runbook target: <strong>").append(t.verdict().name()).append("</strong>, RTO split: ")
                .append(esc(t.measuredText())).append(". ").append(esc(t.explanation())).append("</p>\n"));
        history.all(Event.RunbookEnded.class).filter(e -> e.failedStep() != null).forEach(e -> html.append("<p class=\"fail\">Runbook ")
                .append(esc(e.runbook())).append(" ").append(esc(e.outcome())).append(" at step <strong>").append(esc(e.failedStep()))
                .append("</strong>").append(e.reason() == null ? "" : ": " + esc(e.reason())).append("</p>\n"));
        html.append("<table><caption>Each step as executed</caption><thead><tr>")
                .append("<th scope=\"col\">#</th><th scope=\"col\">step</th><th scope=\"col\">runbook</th><th scope=\"col\">started (s)</th>")
                .append("<th scope=\"col\">took (s)</th><th scope=\"col\">status</th></tr></thead><tbody>\n");
        long total = 0;
        for (int i = 0; i < steps.size(); i++) {
            Event.RunbookStep s = steps.get(i);
            total += s.durationMs();
            html.append("<tr><th scope=\"row\">").append(i + 1).append("</th><td>").append(esc(s.step())).append("</td><td>").append(esc(s.runbook()))
                    .append("</td><td>").append(LedgerSection.seconds(s.offsetMs())).append("</td><td>").append(LedgerSection.seconds(s.durationMs()))
                    .append("</td><td>").append(esc(s.status())).append("</td></tr>\n");
        }
        html.append("</tbody><tfoot><tr><th scope=\"row\" colspan=\"4\">total</th><td>").append(LedgerSection.seconds(total))
                .append("</td><td></td></tr></tfoot></table>\n");
        excerpts(html, steps);
        return html.append("</section>\n").toString();
    }

    /** Each step's phase and output excerpt (bounded and redacted by the executor), folded away. */
    private static void excerpts(StringBuilder html, List<Event.RunbookStep> steps) {
        if (steps.stream().allMatch(s -> s.excerpt() == null || s.excerpt().isEmpty())) {
            return;
        }
        html.append("<details><summary>Step output</summary>\n<ol>\n");
        for (Event.RunbookStep s : steps) {
            html.append("<li>").append(esc(s.step())).append(" (").append(esc(s.phase() == null ? "act" : s.phase())).append(", ")
                    .append(esc(s.status())).append(")<pre>").append(esc(s.excerpt() == null ? "" : s.excerpt())).append("</pre></li>\n");
        }
        html.append("</ol></details>\n");
    }
}
