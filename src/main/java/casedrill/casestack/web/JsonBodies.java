package casedrill.casestack.web;

import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies from their raw bytes, because the contract hashes exactly those bytes
 * (SHA-256) to recognise a repeated request, then validates them like {@code @Valid} would.
 */
@Component
public class JsonBodies {
    private final JsonMapper json;
    private final Validator validator;

    public JsonBodies(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <T> T read(byte[] body, Class<T> type) {
        T value;
        try {
            value = json.readValue(body, type);
        } catch (JacksonException e) {
            String where = e.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
            throw new BadRequestException(where.isEmpty() ? "The request body is not valid JSON."
                    : "The request body has an unreadable value at '" + where + "'.");
        }
        if (value == null) {
            throw new BadRequestException("A JSON request body is required.");
        }
        var errors = validator.validate(value).stream()
                .map(v -> new InvalidBodyException.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(InvalidBodyException.FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidBodyException(errors);
        }
        return value;
    }
}
