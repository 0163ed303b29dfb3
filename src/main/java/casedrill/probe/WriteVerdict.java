package casedrill.probe;

/** What reconciliation concluded about one ledger entry. */
public enum WriteVerdict {
    INTACT,
    /** Acknowledged, no row on the surviving primary. */
    LOST,
    /** A row exists for the key but its body hash differs from what was acknowledged. */
    ALTERED,
    /** More than one row for one idempotency key. */
    DUPLICATED,
    IN_DOUBT_PRESENT,
    IN_DOUBT_ABSENT
}
