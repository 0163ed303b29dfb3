package casedrill.report;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a version 1 result.json, whose targets carried their demand and measurement only as text, into the version 2
 * shape (schemaVersion stays 1, so readers can tell). This is the one place that reads figures out of text, and only
 * out of the fixed formats version 1 wrote: "11.00 s", "9.870 %", a bare count, and the {@code reconciled} timeline line
 * ("19 acknowledged writes: 16 intact, 3 lost, 0 altered, ..."). Anything else stays text ({@code legacy}).
 */
final class ResultV1 {
    private ResultV1() {
    }

    static void upgrade(ObjectNode root) {
        Map<String, Long> reconciled = reconciled(root.path("timeline"));
        for (JsonNode t : root.path("targets")) {
            ObjectNode target = (ObjectNode) t;
            String demanded = target.path("target").asString("");
            target.putObject("target").put("text", demanded);
            String measured = target.path("measured").asString("-");
            target.set("measured", measured(target.path("checker").asString(""), measured, reconciled));
        }
    }

    private static ObjectNode measured(String checker, String text, Map<String, Long> reconciled) {
        ObjectNode m = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        Optional<Double> seconds = number(text, " s");
        if (text.equals("-")) {
            return m.put("kind", "none");
        }
        if (checker.equals("rto") && (seconds.isPresent() || text.startsWith("not recovered"))) {
            m.put("kind", "recovery").putArray("disruptions");
            return seconds.isPresent() ? m.put("rtoSeconds", seconds.get()) : m.putNull("rtoSeconds");
        }
        if (checker.equals("rpo") && seconds.isPresent() && reconciled.containsKey("acknowledged writes")) {
            return m.put("kind", "writes").put("rpoSeconds", seconds.get()).put("acknowledged", reconciled.get("acknowledged writes"))
                    .put("lost", reconciled.getOrDefault("lost", 0L)).put("altered", reconciled.getOrDefault("altered", 0L))
                    .put("inDoubt", reconciled.getOrDefault("in doubt present", 0L) + reconciled.getOrDefault("in doubt absent", 0L))
                    .put("duplicated", reconciled.getOrDefault("duplicated", 0L));
        }
        if (seconds.isPresent()) {
            return m.put("kind", "seconds").put("seconds", seconds.get());
        }
        Optional<Double> percent = number(text, " %");
        if (percent.isPresent()) {
            return m.put("kind", "ratio").put("ratio", percent.get() / 100);
        }
        Optional<Double> count = number(text, "");
        if (count.isPresent() && count.get() == Math.rint(count.get())) {
            return m.put("kind", "count").put("count", count.get().longValue());
        }
        return m.put("kind", "legacy").put("text", text);
    }

    /** {@code text} is a plain decimal followed by exactly {@code unit}. */
    private static Optional<Double> number(String text, String unit) {
        if (!text.endsWith(unit)) {
            return Optional.empty();
        }
        String digits = text.substring(0, text.length() - unit.length());
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The counts of version 1's reconciled line, by the words after each count ("lost" → 3). */
    private static Map<String, Long> reconciled(JsonNode timeline) {
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode e : timeline) {
            if (!e.path("kind").asString("").equals("reconciled")) {
                continue;
            }
            for (String part : e.path("what").asString("").replace(':', ',').replace('(', ',').split(",")) {
                String[] words = part.strip().split(" ", 2);
                Optional<Double> n = words.length == 2 ? number(words[0], "") : Optional.empty();
                n.ifPresent(v -> counts.put(words[1].strip(), v.longValue()));
            }
        }
        return counts;
    }
}
