package casedrill.report;

import casedrill.check.Demand;
import casedrill.check.Measured;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code result.json}: the {@link DrillResult} as indented JSON (schema in RESULT.md and scenarios/schema/result.schema.json).
 * Reads version 2 and, through {@link ResultV1}, version 1.
 */
public final class ResultJson {
    public static final String FILE = "result.json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(Measured.class, MeasuredJson.class).addMixIn(Demand.class, DemandJson.class)
            .addMixIn(casedrill.stack.StackOrigin.class, OriginJson.class).build();

    /** How a measurement names its kind in JSON; checkers know nothing of JSON. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Measured.Nothing.class, name = "none"),
            @JsonSubTypes.Type(value = Measured.Seconds.class, name = "seconds"),
            @JsonSubTypes.Type(value = Measured.Ratio.class, name = "ratio"),
            @JsonSubTypes.Type(value = Measured.Count.class, name = "count"),
            @JsonSubTypes.Type(value = Measured.Recovery.class, name = "recovery"),
            @JsonSubTypes.Type(value = Measured.Writes.class, name = "writes"),
            @JsonSubTypes.Type(value = Measured.Requests.class, name = "requests"),
            @JsonSubTypes.Type(value = Measured.Primaries.class, name = "primaries"),
            @JsonSubTypes.Type(value = Measured.Latency.class, name = "latency"),
            @JsonSubTypes.Type(value = Measured.Runbook.class, name = "runbook"),
            @JsonSubTypes.Type(value = Measured.Legacy.class, name = "legacy")})
    private interface MeasuredJson {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private interface DemandJson {
    }

    /** A stack's origin as the reports write it ("fresh", "reused", "attached"). */
    private interface OriginJson {
        @JsonValue
        String label();
    }

    private ResultJson() {
    }

    public static String render(DrillResult result) {
        return JSON.writeValueAsString(result) + "\n";
    }

    public static DrillResult read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static DrillResult parse(String json) {
        JsonNode tree = JSON.readTree(json);
        if (!(tree instanceof ObjectNode root)) {
            throw new IllegalArgumentException("a drill result is a JSON object");
        }
        int version = root.path("schemaVersion").asInt(0);
        if (version == 1) {
            ResultV1.upgrade(root);
        } else if (version != DrillResult.SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion " + root.path("schemaVersion") + " is not one this casedrill reads (1 or "
                    + DrillResult.SCHEMA_VERSION + ")");
        }
        return JSON.treeToValue(root, DrillResult.class);
    }
}
