package casedrill.probe;

/** One row of {@code cases} as reconciliation reads it. */
public record StoredCase(String id, String idempotencyKey, String requestSha256) {}
