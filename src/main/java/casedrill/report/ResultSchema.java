package casedrill.report;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** result.json's JSON Schema (scenarios/schema/result.schema.json, shipped in the jar): the problems of one result, one line each. */
public final class ResultSchema {
    public static final String FILE = "result.schema.json";
    private static final Schema SCHEMA = load();

    private ResultSchema() {
    }

    /** Empty when {@code json} is a valid version 2 result. */
    public static List<String> problems(String json) {
        List<Error> errors = SCHEMA.validate(JsonMapper.shared().readTree(json));
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).distinct().toList();
    }

    private static Schema load() {
        try (InputStream in = ResultSchema.class.getResourceAsStream("/schema/" + FILE)) {
            if (in == null) {
                throw new IllegalStateException("schema " + FILE + " is missing from the class path");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JsonMapper.shared().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
