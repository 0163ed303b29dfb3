package casedrill.toxiproxy.api;

import casedrill.toxiproxy.ToxiproxyException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies decoded as leniently as Go's encoding/json: keys match ignoring case (the last
 * match wins), unknown keys are ignored, only the first JSON value counts, JSON null keeps the
 * current value, and types are strict. Errors carry the reference server's wording.
 */
final class JsonBody {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final JsonNode root;
    private final String goType;

    private JsonBody(JsonNode root, String goType) {
        this.root = root;
        this.goType = goType;
    }

    static JsonNode parse(byte[] body) {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw badBody("EOF");
        }
        try {
            return MAPPER.readTree(body);
        } catch (UnexpectedEndOfInputException e) {
            throw badBody("unexpected EOF");
        } catch (JacksonException e) {
            throw badBody("invalid character looking for beginning of value");
        }
    }

    /** The body as one JSON object decoded into the Go struct named {@code goType}. */
    static JsonBody object(byte[] body, String goType) {
        return of(parse(body), goType);
    }

    static JsonBody of(JsonNode node, String goType) {
        if (!node.isObject()) {
            throw badBody("json: cannot unmarshal " + kind(node) + " into Go value of type " + goType);
        }
        return new JsonBody(node, goType);
    }

    String string(String key, String current) {
        return value(key, current, JsonNode::isString, JsonNode::stringValue, "string");
    }

    boolean bool(String key, boolean current) {
        return value(key, current, JsonNode::isBoolean, JsonNode::booleanValue, "bool");
    }

    float float32(String key, float current) {
        return value(key, current, JsonNode::isNumber, JsonNode::floatValue, "float32");
    }

    /** The field's value if present and of the Go type; {@code current} if absent or null. */
    private <T> T value(String key, T current, Predicate<JsonNode> isType, Function<JsonNode, T> read, String goType) {
        JsonNode v = field(key);
        if (v == null) {
            return current;
        }
        if (!isType.test(v)) {
            throw mismatch(v, key, goType);
        }
        return read.apply(v);
    }

    /** Merges the integer attributes present under {@code key} into {@code into}; others are ignored. */
    void attributes(String key, String goToxic, Map<String, Long> into) {
        JsonNode v = field(key);
        if (v == null) {
            return;
        }
        if (!v.isObject()) {
            throw mismatch(v, key, "map[string]interface {}");
        }
        JsonBody attributes = new JsonBody(v, goToxic + "." + key);
        for (String name : into.keySet()) {
            JsonNode a = attributes.field(name);
            if (a == null) {
                continue;
            }
            if (!a.isIntegralNumber() || !a.canConvertToLong()) {
                throw attributes.mismatch(a, name, "int64");
            }
            into.put(name, a.longValue());
        }
    }

    private JsonNode field(String key) {
        JsonNode found = null;
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                found = e.getValue();
            }
        }
        return found == null || found.isNull() ? null : found;
    }

    private ToxiproxyException mismatch(JsonNode value, String key, String wanted) {
        return badBody("json: cannot unmarshal " + kind(value) + " into Go struct field "
                + goType + "." + key + " of type " + wanted);
    }

    private static String kind(JsonNode node) {
        if (node.isNumber()) {
            return "number" + (node.isIntegralNumber() ? "" : " " + node.asString());
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT).replace("boolean", "bool");
    }

    static ToxiproxyException badBody(String detail) {
        return new ToxiproxyException(400, "bad request body: " + detail);
    }
}
