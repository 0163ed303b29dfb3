package casedrill.scenario;

import casedrill.yaml.Position;
import casedrill.yaml.Problem;
import casedrill.yaml.SourceDocument;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lets the cross-reference checks run even when some list entries are malformed, so a typo in
 * one fault does not hide an unknown target in another: entries of {@code faults} and
 * {@code abort} with schema problems are blanked (null), and the checks skip null entries.
 * Problems anywhere else stop validation after the schema pass.
 */
final class ListEntries {
    private static final List<String> LISTS = List.of("faults", "abort");

    private ListEntries() {
    }

    static Optional<SourceDocument> withoutBrokenEntries(SourceDocument doc, List<Problem> schemaProblems) {
        if (schemaProblems.isEmpty()) {
            return Optional.of(doc);
        }
        if (!doc.root().isObject()) {
            return Optional.empty();
        }
        ObjectNode root = (ObjectNode) doc.root().deepCopy();
        for (Problem problem : schemaProblems) {
            if (!blankEntryAt(doc, root, problem.position())) {
                return Optional.empty();
            }
        }
        return Optional.of(new SourceDocument(doc.path(), doc.displayName(), root, doc.valuePositions(), doc.keyPositions()));
    }

    /** Blanks the list entry that contains this position; false if it lies outside every entry. */
    private static boolean blankEntryAt(SourceDocument doc, ObjectNode root, Position position) {
        for (String list : LISTS) {
            JsonNode entries = root.path(list);
            for (int i = entries.size() - 1; i >= 0; i--) {
                Position start = doc.valueAt("/" + list + "/" + i);
                Position next = i + 1 < entries.size() ? doc.valueAt("/" + list + "/" + (i + 1)) : null;
                if (after(position, start) && (next == null || !after(position, next)) && within(doc, list, position)) {
                    ((ArrayNode) entries).set(i, JsonNodeFactory.instance.nullNode());
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean within(SourceDocument doc, String list, Position position) {
        Position listStart = doc.valueAt("/" + list);
        String nextKey = null;
        boolean seen = false;
        for (String key : (Iterable<String>) doc.root().propertyNames()::iterator) {
            if (seen) {
                nextKey = key;
                break;
            }
            seen = key.equals(list);
        }
        Position end = nextKey == null ? null : doc.keyAt("/" + nextKey);
        return after(position, listStart) && (end == null || !after(position, end));
    }

    private static boolean after(Position p, Position start) {
        return p.line() > start.line() || (p.line() == start.line() && p.column() >= start.column());
    }
}
