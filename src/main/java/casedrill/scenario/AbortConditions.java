package casedrill.scenario;

import casedrill.notation.Durations;
import casedrill.notation.Percentage;
import casedrill.yaml.Problem;
import casedrill.yaml.SourceDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The abort grammar: {@code <metric>[(<transaction>)] <op> <threshold>}, e.g.
 * {@code errorRate > 90%}, {@code successRate(intake) < 50%}, {@code p99 > 5s}. Rates take
 * percentages, latencies (p50, p95, p99) take durations.
 */
final class AbortConditions {
    static final Set<String> RATE_METRICS = Set.of("errorRate", "successRate");
    static final Set<String> LATENCY_METRICS = Set.of("p50", "p95", "p99");
    static final Set<String> TRANSACTIONS = Set.of("intake", "status", "decision", "screening");
    private static final Pattern GRAMMAR = Pattern.compile("([A-Za-z0-9]+)(?:\\(([a-z]+)\\))?\\s*(>=|<=|>|<)\\s*(\\S+)");

    private final SourceDocument doc;
    private final List<Problem> problems;

    AbortConditions(SourceDocument doc, List<Problem> problems) {
        this.doc = doc;
        this.problems = problems;
    }

    List<AbortCondition> bind() {
        List<AbortCondition> conditions = new ArrayList<>();
        JsonNode list = doc.root().path("abort");
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isNull()) {
                continue; // malformed entry, already reported by the schema check
            }
            String at = "/abort/" + i;
            String text = list.get(i).get("when").asString();
            Duration holdFor;
            try {
                holdFor = Durations.parse(list.get(i).get("for").asString());
            } catch (IllegalArgumentException e) {
                problems.add(doc.problemAt(at + "/for", "'for' " + e.getMessage()));
                continue;
            }
            String problem = problemOf(text);
            if (problem != null) {
                problems.add(doc.problemAt(at + "/when", problem));
            } else {
                conditions.add(parse(text, holdFor));
            }
        }
        return conditions;
    }

    private static AbortCondition parse(String text, Duration holdFor) {
        Matcher m = GRAMMAR.matcher(text.strip());
        m.matches();
        String metric = m.group(1);
        double threshold = RATE_METRICS.contains(metric)
                ? Percentage.parse(m.group(4)).value()
                : Durations.parse(m.group(4)).toNanos() / 1_000_000.0;
        AbortCondition.Comparison op = switch (m.group(3)) {
            case ">" -> AbortCondition.Comparison.GT;
            case ">=" -> AbortCondition.Comparison.GE;
            case "<" -> AbortCondition.Comparison.LT;
            default -> AbortCondition.Comparison.LE;
        };
        return new AbortCondition(metric, Optional.ofNullable(m.group(2)), op, threshold, holdFor, text.strip());
    }

    /** One sentence on what is wrong with the condition, or null if it is fine. */
    static String problemOf(String text) {
        Matcher m = GRAMMAR.matcher(text.strip());
        if (!m.matches()) {
            return "abort condition '" + text + "' is not of the form '<metric> <op> <threshold>', e.g. 'errorRate > 90%'";
        }
        String metric = m.group(1);
        if (!RATE_METRICS.contains(metric) && !LATENCY_METRICS.contains(metric)) {
            return "abort condition '" + text + "' uses unknown metric '" + metric + "' (known: errorRate, successRate, p50, p95, p99)";
        }
        if (m.group(2) != null && !TRANSACTIONS.contains(m.group(2))) {
            return "abort condition '" + text + "' names unknown transaction '" + m.group(2)
                    + "' (known: intake, status, decision, screening)";
        }
        try {
            if (RATE_METRICS.contains(metric)) {
                Percentage.parse(m.group(4));
            } else {
                Durations.parse(m.group(4));
            }
        } catch (IllegalArgumentException e) {
            return "abort condition '" + text + "': the threshold " + e.getMessage();
        }
        return null;
    }
}
