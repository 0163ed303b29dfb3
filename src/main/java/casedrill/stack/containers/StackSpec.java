package casedrill.stack.containers;

import casedrill.stack.StackLayout;
import casedrill.topology.DbVariant;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a later process needs, beyond the engine's own state, to drive a stack it did not start: the topology's
 * layout (loopback addresses, as the topology file gives them), the database variant and how long a restarted node
 * may take. Every container carries it as JSON in the label {@link StackLabels#SPEC}; no secret is in it.
 */
record StackSpec(StackLayout layout, DbVariant variant, Duration readyTimeout) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    String json() {
        return JSON.writeValueAsString(this);
    }

    static StackSpec parse(String json) {
        try {
            return JSON.readValue(json, StackSpec.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("label " + StackLabels.SPEC + " is not a stack spec: " + e.getOriginalMessage(), e);
        }
    }
}
