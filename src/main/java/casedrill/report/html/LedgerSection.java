package casedrill.report.html;

import static casedrill.report.Markup.esc;

import casedrill.history.Event;
import casedrill.history.History;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The write-ledger reconciliation: counts, then examples of lost, in-doubt and duplicated writes. */
final class LedgerSection {
    static final int EXAMPLES = 10;

    private LedgerSection() {
    }

    static String render(History history) {
        StringBuilder html = new StringBuilder("<section id=\"ledger\"><h2>Write ledger reconciliation</h2>\n");
        Optional<Event.Reconciled> summary = history.first(Event.Reconciled.class);
        if (summary.isEmpty()) {
            return html.append("<p>The write ledger was not reconciled in this run, so data loss is <strong>unknown</strong>.</p></section>\n").toString();
        }
        Event.Reconciled r = summary.get();
        html.append("<p>Every acknowledged write was looked up on the surviving primary (system id ").append(esc(r.systemId()))
                .append(", timeline ").append(r.timeline()).append(").</p>\n");
        html.append("<table><caption>Reconciliation counts</caption><thead><tr><th scope=\"col\">acknowledged</th><th scope=\"col\">intact</th>")
                .append("<th scope=\"col\">lost</th><th scope=\"col\">altered</th><th scope=\"col\">in doubt, present</th>")
                .append("<th scope=\"col\">in doubt, absent</th><th scope=\"col\">duplicated</th></tr></thead><tbody><tr>");
        for (int v : new int[] {r.acknowledged(), r.intact(), r.lost(), r.altered(), r.inDoubtPresent(), r.inDoubtAbsent(), r.duplicated()}) {
            html.append("<td>").append(v).append("</td>");
        }
        html.append("</tr></tbody></table>\n");
        List<Event.WriteReconciled> notIntact = history.all(Event.WriteReconciled.class).toList();
        if (notIntact.isEmpty()) {
            return html.append("<p>No write was lost, altered, duplicated or left in doubt.</p></section>\n").toString();
        }
        Map<String, Event.WriteAcked> acked = history.all(Event.WriteAcked.class)
                .collect(Collectors.toMap(Event.WriteAcked::idempotencyKey, Function.identity(), (a, b) -> a));
        Map<String, Event.WriteInDoubt> doubt = history.all(Event.WriteInDoubt.class)
                .collect(Collectors.toMap(Event.WriteInDoubt::idempotencyKey, Function.identity(), (a, b) -> a));
        html.append("<table><caption>Examples (up to ").append(EXAMPLES).append(" per verdict)</caption><thead><tr>")
                .append("<th scope=\"col\">verdict</th><th scope=\"col\">idempotency key</th><th scope=\"col\">sent (s)</th>")
                .append("<th scope=\"col\">acknowledged / given up (s)</th><th scope=\"col\">node</th><th scope=\"col\">database</th></tr></thead><tbody>\n");
        notIntact.stream().collect(Collectors.groupingBy(Event.WriteReconciled::verdict, java.util.TreeMap::new, Collectors.toList()))
                .forEach((verdict, list) -> list.stream().limit(EXAMPLES).forEach(w -> row(html, w, acked.get(w.idempotencyKey()), doubt.get(w.idempotencyKey()))));
        return html.append("</tbody></table></section>\n").toString();
    }

    private static void row(StringBuilder html, Event.WriteReconciled w, Event.WriteAcked ack, Event.WriteInDoubt doubt) {
        html.append("<tr><th scope=\"row\">").append(esc(w.verdict())).append("</th><td><code>").append(esc(w.idempotencyKey())).append("</code></td>");
        if (ack != null) {
            html.append("<td>").append(seconds(ack.sentOffsetMs())).append("</td><td>").append(seconds(ack.offsetMs())).append("</td><td>")
                    .append(esc(ack.node())).append("</td><td>").append(esc(ack.systemId())).append(" / timeline ").append(ack.timeline()).append("</td>");
        } else if (doubt != null) {
            html.append("<td>").append(seconds(doubt.sentOffsetMs())).append("</td><td>").append(seconds(doubt.offsetMs())).append(" (")
                    .append(esc(doubt.reason())).append(")</td><td>").append(esc(doubt.node())).append("</td><td>–</td>");
        } else {
            html.append("<td>–</td><td>–</td><td>–</td><td>–</td>");
        }
        html.append("</tr>\n");
    }

    static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%.3f", ms / 1000.0);
    }
}
