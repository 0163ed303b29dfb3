package casedrill.casestack.web;

/** A conditional write arrived without If-Match: 428. */
public class PreconditionRequiredException extends RuntimeException {
    public PreconditionRequiredException(String message) {
        super(message);
    }
}
