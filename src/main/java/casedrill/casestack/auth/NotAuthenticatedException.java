package casedrill.casestack.auth;

/** No token, or one that belongs to no role: 401. */
public class NotAuthenticatedException extends RuntimeException {
    public NotAuthenticatedException(String message) {
        super(message);
    }
}
