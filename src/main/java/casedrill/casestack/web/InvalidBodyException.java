package casedrill.casestack.web;

import java.util.List;

/** A well-formed body with invalid fields: 400 listing each field and why. */
public class InvalidBodyException extends RuntimeException {
    /** One invalid field, by its JSON path such as {@code applicant.birthDate}. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidBodyException(List<FieldError> errors) {
        super("The request body has " + errors.size() + " invalid field(s).");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
