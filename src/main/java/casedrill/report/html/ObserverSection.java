package casedrill.report.html;

import static casedrill.report.Markup.esc;

import casedrill.notation.Durations;
import casedrill.report.ObserverResult;

/** The independent observer beside the verdicts: its outage per disruption against the drill's RTO, and its writes read back. */
final class ObserverSection {
    static final int LOST_EXAMPLES = 10;

    private ObserverSection() {
    }

    static String render(ObserverResult o) {
        StringBuilder html = new StringBuilder("<section id=\"observer\"><h2>Cross-check by an independent observer</h2>\n");
        if (o == null) {
            return html.append("<p>No independent observer ran in this drill, so its verdicts are not cross-checked.</p></section>\n").toString();
        }
        html.append("<p id=\"observer-summary\">").append(esc(o.describe())).append(".</p>\n")
                .append("<p>The observer sent one intake write (keys <code>").append(esc(o.keyPrefix())).append("-n</code>) every ")
                .append(o.spacingMs()).append(" ms through the edge, at most ").append(o.inFlight()).append(" in flight, each given up after ")
                .append(o.timeoutMs()).append(" ms: ").append(o.attempts()).append(" sent, ").append(o.acknowledged()).append(" acknowledged, ")
                .append(o.inDoubt()).append(" in doubt, ").append(o.rejected()).append(" rejected. Its raw observations are in ")
                .append("<code>observer.jsonl</code>.</p>\n");
        html.append("<table><caption>Outage per disruption: the drill's RTO and the observer's (tolerance ")
                .append(esc(Durations.seconds(o.toleranceMs()))).append(")</caption><thead><tr><th scope=\"col\">T_fault (s)</th>")
                .append("<th scope=\"col\">drill RTO</th><th scope=\"col\">observer's outage</th><th scope=\"col\">difference</th>")
                .append("<th scope=\"col\">agrees</th></tr></thead><tbody>\n");
        for (ObserverResult.Comparison c : o.disruptions()) {
            html.append("<tr><td>").append(LedgerSection.seconds(c.faultMs())).append("</td><td>").append(esc(ObserverResult.orNever(c.drillRtoMs())))
                    .append("</td><td>").append(esc(ObserverResult.orNever(c.observerOutageMs()))).append("</td><td>")
                    .append(c.differenceMs() == null ? "–" : esc(Durations.seconds(c.differenceMs()))).append("</td><td>")
                    .append(c.agrees() ? "yes" : "<strong>no</strong>").append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
        if (o.lost() == null) {
            html.append("<p>The observer's writes were not read back, so its data loss is <strong>unknown</strong>.</p>\n");
        } else {
            html.append("<p>Read back from ").append(esc(o.primary())).append(": ").append(o.lost()).append(" of its ").append(o.acknowledged())
                    .append(" acknowledged writes lost or altered; the write ledger found ")
                    .append(o.ledgerLost() == null ? "–" : String.valueOf(o.ledgerLost())).append(".</p>\n");
            if (!o.lostKeys().isEmpty()) {
                html.append("<p>Lost (up to ").append(LOST_EXAMPLES).append("): ");
                o.lostKeys().stream().limit(LOST_EXAMPLES).forEach(k -> html.append("<code>").append(esc(k)).append("</code> "));
                html.append("</p>\n");
            }
        }
        return html.append("</section>\n").toString();
    }
}
