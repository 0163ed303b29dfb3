package casedrill.history;

import java.time.Instant;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One event to one JSON line and back: {@code type}, {@code offsetMs}, {@code wall}, then the flat fields. */
final class HistoryCodec {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private HistoryCodec() {}

    static String encode(Event event, Instant wall) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("type", event.type());
        line.put("offsetMs", event.offsetMs());
        line.put("wall", wall.toString());
        ObjectNode fields = MAPPER.valueToTree(event);
        fields.remove("offsetMs");
        line.setAll(fields);
        return MAPPER.writeValueAsString(line);
    }

    /** Returns null for event types this version does not know, so newer files stay readable. */
    static Event decode(String line) {
        JsonNode node = MAPPER.readTree(line);
        Class<? extends Event> type = Event.Types.byName(node.path("type").asString(""));
        if (type == null) {
            return null;
        }
        return MAPPER.treeToValue(node, type);
    }
}
