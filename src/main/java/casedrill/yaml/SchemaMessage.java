package casedrill.yaml;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** One schema violation reworded for a person: what is wrong, the value, and what is expected. */
record SchemaMessage(String pointer, String text, boolean atKey) {

    /** What each value format of the schema's $defs looks like, for "expected ..." hints. */
    private static final Map<String, String> FORMATS = Map.of(
            "duration", "a duration such as 250ms, 40s, 2m or 1h",
            "percentage", "a percentage such as 99.5%",
            "rate", "a rate such as 40/s or 600/m",
            "byteRate", "a byte rate such as 512KB/s or 2MB/s (1 KB = 1000 bytes)",
            "name", "a lower-case name of letters, digits and dashes (at most 63)",
            "condition", "a condition such as 'errorRate > 90%' or 'p99 > 2s'",
            "target", "a target such as site:dc1, node:pg-dc1, link:<name>, wan(dc1,dc2), site-links(dc1) or fault:<id>");

    static SchemaMessage of(Error error, JsonNode schemaRoot) {
        String pointer = pointer(error.getInstanceLocation());
        String where = describe(error.getInstanceLocation());
        JsonNode value = error.getInstanceNode();
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        switch (keyword) {
            case "additionalProperties": {
                String key = error.getProperty();
                String keyPointer = SourceDocument.child(pointer, key);
                List<String> known = knownKeys(error.getSchemaLocation().getFragment(), schemaRoot);
                if (key.endsWith(")")) {
                    return new SchemaMessage(keyPointer, "unknown key '" + key + "' in " + where + ": inside { } a comma ends the entry, "
                            + "so write a target such as wan(dc1,dc2) in quotes: target: \"wan(dc1,dc2)\"", true);
                }
                String hint = known.isEmpty() ? " (no keys are allowed here)" : " (known keys: " + String.join(", ", known) + ")";
                return new SchemaMessage(keyPointer, "unknown key '" + key + "' in " + where + hint, true);
            }
            case "required":
                return new SchemaMessage(pointer, where + " is missing the required key '" + error.getProperty() + "'", false);
            case "type": {
                String format = FORMATS.get(formatName(error));
                return new SchemaMessage(pointer, where + " must be " + (format != null ? format : article(expectedType(error)))
                        + ", but was " + show(value), false);
            }
            case "enum":
            case "const": {
                String hint = value != null && value.isNumber() && choices(error.getSchemaNode()).contains(value.toString())
                        ? " (a number; write it in quotes: \"" + value + "\")" : "";
                return new SchemaMessage(pointer, where + " must be one of " + choices(error.getSchemaNode()) + ", but was "
                        + show(value) + hint, false);
            }
            case "oneOf":
                return new SchemaMessage(pointer, where + " must have exactly one of " + alternatives(error.getSchemaNode()), false);
            case "pattern": {
                String format = formatName(error);
                if (value != null && value.isString() && value.asString().startsWith("-") && format.equals("duration")) {
                    return new SchemaMessage(pointer, where + " must not be negative, but was " + show(value), false);
                }
                String expected = FORMATS.getOrDefault(format, "a value matching " + error.getSchemaNode().asString());
                return new SchemaMessage(pointer, where + " must be " + expected + ", but was " + show(value), false);
            }
            case "minimum":
            case "exclusiveMinimum":
                return new SchemaMessage(pointer, where + " must be " + (keyword.equals("minimum") ? "at least " : "more than ")
                        + error.getSchemaNode().asString() + ", but was " + show(value), false);
            case "maximum":
                return new SchemaMessage(pointer, where + " must be at most " + error.getSchemaNode().asString() + ", but was " + show(value), false);
            case "minLength":
                return new SchemaMessage(pointer, where + " must not be empty", false);
            case "maxLength":
                return new SchemaMessage(pointer, where + " is longer than " + error.getSchemaNode().asString() + " characters", false);
            case "minItems":
                return new SchemaMessage(pointer, where + " needs at least " + error.getSchemaNode().asString() + " item(s)", false);
            case "maxItems":
                return new SchemaMessage(pointer, where + " has more than " + error.getSchemaNode().asString() + " items", false);
            case "minProperties":
                return new SchemaMessage(pointer, where + " must not be empty", false);
            case "maxProperties":
                return new SchemaMessage(pointer, where + " takes no keys for this action, but has " + show(value), false);
            case "uniqueItems":
                return new SchemaMessage(pointer, where + " lists the same item twice: " + show(value), false);
            case "if":
            case "allOf":
            case "then":
                return null; // the nested keyword that failed is reported on its own
            default:
                return new SchemaMessage(pointer, where + ": " + error.getMessage(), false);
        }
    }

    static String pointer(NodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            sb.append('/').append(element instanceof Integer ? element.toString()
                    : element.toString().replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    /** "faults[2].with.latency" reads better in a sentence than a JSON pointer. */
    static String describe(NodePath path) {
        if (path.getNameCount() == 0) {
            return "the document";
        }
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                sb.append(i == 0 ? "" : ".").append(element);
            }
        }
        return sb.append("'").toString();
    }

    private static String formatName(Error error) {
        String fragment = error.getSchemaLocation().getFragment().toString();
        int defs = fragment.lastIndexOf("$defs/");
        if (defs < 0) {
            return "";
        }
        String rest = fragment.substring(defs + "$defs/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static List<String> knownKeys(NodePath schemaFragment, JsonNode schemaRoot) {
        String fragment = pointer(schemaFragment);
        String parent = fragment.endsWith("/additionalProperties")
                ? fragment.substring(0, fragment.length() - "/additionalProperties".length()) : fragment;
        JsonNode properties = schemaRoot.at(parent + "/properties");
        List<String> keys = new ArrayList<>();
        properties.propertyNames().forEach(keys::add);
        return keys;
    }

    private static String expectedType(Error error) {
        JsonNode type = error.getSchemaNode();
        return type.isArray() ? type.get(0).asString() : type.asString();
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "a mapping (key: value)";
            case "array" -> "a list";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "string" -> "a text value";
            case "boolean" -> "true or false";
            default -> "a " + type;
        };
    }

    /** "'http' or 'sql'" from a oneOf of required-key alternatives. */
    private static String alternatives(JsonNode oneOf) {
        List<String> keys = new ArrayList<>();
        if (oneOf != null) {
            oneOf.forEach(alt -> alt.path("required").forEach(k -> keys.add("'" + k.asString() + "'")));
        }
        return keys.isEmpty() ? "the allowed forms" : String.join(" or ", keys);
    }

    private static String choices(JsonNode node) {
        if (node == null) {
            return "the allowed values";
        }
        if (!node.isArray()) {
            return show(node);
        }
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.isString() ? v.asString() : v.toString()));
        return String.join(", ", values);
    }

    static String show(JsonNode value) {
        if (value == null || value.isNull()) {
            return "empty";
        }
        if (value.isString()) {
            String s = value.asString();
            return "'" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "'";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        String s = value.toString();
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
