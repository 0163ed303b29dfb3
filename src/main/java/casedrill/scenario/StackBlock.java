package casedrill.scenario;

import casedrill.topology.DbVariant;

/**
 * The scenario's {@code stack:} block: the stack variant a drill needs (with Patroni paused for runbook failover)
 * and which provider runs it (a name; the command line's {@code --provider} overrides it).
 */
public record StackBlock(DbVariant variant, String provider) {
    public static final String DEFAULT_PROVIDER = "local";
}
