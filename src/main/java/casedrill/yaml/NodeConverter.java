package casedrill.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns SnakeYAML's composed node graph into a JSON tree, recording positions. Plain scalars are
 * typed by YAML 1.2's core schema (so {@code on}, {@code no} and {@code 010} stay strings), which
 * is what a reader of the file expects.
 */
final class NodeConverter {
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String name;
    private final List<Problem> problems;
    private final Map<String, Position> values;
    private final Map<String, Position> keys;
    private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    NodeConverter(String name, List<Problem> problems, Map<String, Position> values, Map<String, Position> keys) {
        this.name = name;
        this.problems = problems;
        this.values = values;
        this.keys = keys;
    }

    static Position position(String file, Mark mark) {
        return mark == null ? new Position(file, 1, 1) : new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    JsonNode convert(Node node) {
        return convert(node, "", 0);
    }

    private JsonNode convert(Node node, String pointer, int depth) {
        Position at = position(name, node.getStartMark());
        values.put(pointer, at);
        if (!seen.add(node)) {
            return JSON.nullNode(); // an alias of an anchored node, reported at the anchor
        }
        if (node.getAnchor() != null) {
            problems.add(new Problem(at, "uses the YAML anchor '&" + node.getAnchor() + "'; anchors and aliases are not "
                    + "supported, write the value out in full"));
            return JSON.nullNode();
        }
        if (depth > YamlReader.MAX_DEPTH) {
            problems.add(new Problem(at, "is nested more than " + YamlReader.MAX_DEPTH + " levels deep"));
            return JSON.nullNode();
        }
        if (!node.getTag().startsWith(Tag.PREFIX)) {
            problems.add(new Problem(at, "uses the YAML tag '" + node.getTag().getValue() + "', which is not supported"));
            return JSON.nullNode();
        }
        if (node instanceof MappingNode mapping) {
            return mapping(mapping, pointer, depth);
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JSON.arrayNode();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                array.add(convert(items.get(i), SourceDocument.child(pointer, i), depth + 1));
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    private JsonNode mapping(MappingNode mapping, String pointer, int depth) {
        ObjectNode object = JSON.objectNode();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            Position keyAt = position(name, keyNode.getStartMark());
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                problems.add(new Problem(keyAt, "has a key that is not a plain name"));
                continue;
            }
            String key = scalarKey.getValue();
            String child = SourceDocument.child(pointer, key);
            if (object.has(key)) {
                problems.add(new Problem(keyAt, "duplicate key '" + key + "' (first given at line "
                        + keys.get(child).line() + ")"));
                continue;
            }
            keys.put(child, keyAt);
            object.set(key, convert(tuple.getValueNode(), child, depth + 1));
        }
        return object;
    }

    private static JsonNode scalar(ScalarNode node) {
        String text = node.getValue();
        if (node.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return JSON.stringNode(text);
        }
        switch (text) {
            case "", "~", "null", "Null", "NULL":
                return JSON.nullNode();
            case "true", "True", "TRUE":
                return JSON.booleanNode(true);
            case "false", "False", "FALSE":
                return JSON.booleanNode(false);
            default:
                break;
        }
        if (INT.matcher(text).matches()) {
            BigInteger value = new BigInteger(text);
            return value.bitLength() < 64 ? JSON.numberNode(value.longValue()) : JSON.numberNode(value);
        }
        if (FLOAT.matcher(text).matches()) {
            return JSON.numberNode(new BigDecimal(text));
        }
        return JSON.stringNode(text);
    }
}
