package casedrill.yaml;

import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A parsed YAML file as a JSON tree, with the position of every value and every key, indexed by
 * JSON pointer ("/faults/0/at"), so schema and semantic errors can name file:line:column.
 */
public record SourceDocument(Path path, String displayName, JsonNode root,
                             Map<String, Position> valuePositions, Map<String, Position> keyPositions) {

    /** Position of the value at the pointer, or of its nearest ancestor that has one. */
    public Position valueAt(String pointer) {
        return nearest(valuePositions, pointer);
    }

    /** Position of the key that introduces the pointer's value (falls back to the value). */
    public Position keyAt(String pointer) {
        Position key = keyPositions.get(pointer);
        return key != null ? key : valueAt(pointer);
    }

    public Problem problemAt(String pointer, String message) {
        return new Problem(valueAt(pointer), message);
    }

    public Problem problemAtKey(String pointer, String message) {
        return new Problem(keyAt(pointer), message);
    }

    private Position nearest(Map<String, Position> positions, String pointer) {
        String p = pointer;
        while (true) {
            Position found = positions.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return new Position(displayName, 1, 1);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    public static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
