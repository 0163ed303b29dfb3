package casedrill.casestack.auth;

/** A valid token whose role may not call this operation: 403. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
