package casedrill.report.html;

import static casedrill.report.html.Markup.esc;

import casedrill.history.Event;
import casedrill.history.History;
import java.util.List;

/** Runbook step timings, when the drill failed over by runbook. */
final class RunbookSection {
    private RunbookSection() {
    }

    static String render(History history, String failover) {
        List<Event.RunbookStep> steps = history.all(Event.RunbookStep.class).toList();
        StringBuilder html = new StringBuilder("<section id=\"runbook\"><h2>Runbook steps</h2>\n");
        if (steps.isEmpty()) {
            return html.append("<p>Failover mode: ").append(esc(failover)).append(". No runbook step was executed in this run.</p></section>\n").toString();
        }
        html.append("<p>Failover mode: ").append(esc(failover)).append(".</p>\n<table><caption>Each step as executed</caption><thead><tr>")
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
        return html.append("</tbody><tfoot><tr><th scope=\"row\" colspan=\"4\">total</th><td>").append(LedgerSection.seconds(total))
                .append("</td><td></td></tr></tfoot></table></section>\n").toString();
    }
}
