package casedrill.yaml;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates a document against one of the JSON Schemas in scenarios/schema/ and words each
 * violation as one sentence at the YAML position of the offending key or value.
 */
public final class SchemaCheck {
    private final Schema schema;
    private final JsonNode schemaRoot;

    private SchemaCheck(JsonNode schemaRoot) {
        this.schemaRoot = schemaRoot;
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaRoot);
    }

    /** Loads a schema shipped on the class path (the build copies scenarios/schema there). */
    public static SchemaCheck fromClasspath(String name) {
        try (InputStream in = SchemaCheck.class.getResourceAsStream("/schema/" + name)) {
            if (in == null) {
                throw new IllegalStateException("schema " + name + " is missing from the class path");
            }
            return new SchemaCheck(JsonMapper.shared().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SchemaCheck fromFile(Path file) {
        try {
            return new SchemaCheck(JsonMapper.shared().readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Problem> check(SourceDocument doc) {
        List<Error> errors = schema.validate(doc.root());
        Set<Problem> problems = new LinkedHashSet<>();
        for (Error error : errors) {
            SchemaMessage message = SchemaMessage.of(error, schemaRoot);
            if (message != null) {
                String pointer = message.pointer();
                problems.add(message.atKey() ? doc.problemAtKey(pointer, message.text()) : doc.problemAt(pointer, message.text()));
            }
        }
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(ProblemOrder.INSTANCE);
        return sorted;
    }
}
