package casedrill.casestack.cases;

/** An idempotency key came back with a different request body: 422, nothing written. */
public class IdempotencyKeyReusedException extends RuntimeException {
    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request.");
    }
}
