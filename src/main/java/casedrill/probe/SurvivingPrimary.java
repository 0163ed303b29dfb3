package casedrill.probe;

/** The database that reconciliation read: PostgreSQL system identifier and current timeline. */
public record SurvivingPrimary(String systemId, long timeline) {}
