package casedrill.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code result.json}: the {@link DrillResult} as indented JSON (schema in RESULT.md). */
public final class ResultJson {
    public static final String FILE = "result.json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultJson() {
    }

    public static String render(DrillResult result) {
        return JSON.writeValueAsString(result) + "\n";
    }

    public static DrillResult read(Path file) throws IOException {
        return JSON.readValue(Files.readString(file), DrillResult.class);
    }
}
