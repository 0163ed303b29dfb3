package casedrill.topology;

/**
 * The one stack variant type: which variant of the database tier a stack runs (or a scenario needs), from a
 * scenario's {@code stack:} block and its failover mode, or {@code stack up}'s options. Here, below {@code scenario} and
 * {@code stack}, so both carry it.
 *
 * @param synchronous Patroni's {@code synchronous_mode} (replication: sync); false for async
 * @param patroni     "4" (Debian trixie's package, unpacked privately) or "3.0.2" (bookworm's /usr/bin/patroni)
 * @param multihost   app nodes use a pgjdbc multi-host URL with {@code targetServerType=primary} instead of the db-router
 * @param paused      Patroni in maintenance mode after bootstrap: nothing fails over by itself (runbook drills)
 */
public record DbVariant(boolean synchronous, String patroni, boolean multihost, boolean paused) {
    public static final DbVariant DEFAULT = new DbVariant(true, "4", false, false);

    public DbVariant {
        if (!patroni.equals("4") && !patroni.equals("3.0.2")) {
            throw new IllegalArgumentException("unsupported Patroni version '" + patroni + "' (supported: 4, 3.0.2)");
        }
    }

    /** The variant a scenario's stack block names: replication sync|async, patroni 4|3.0.2, dbRouting router|multihost. */
    public static DbVariant of(String replication, String patroni, String dbRouting, boolean runbook) {
        boolean sync = switch (replication) {
            case "sync" -> true;
            case "async" -> false;
            default -> throw new IllegalArgumentException("unknown replication '" + replication + "' (known: sync, async)");
        };
        boolean multihost = switch (dbRouting) {
            case "router" -> false;
            case "multihost" -> true;
            default -> throw new IllegalArgumentException("unknown dbRouting '" + dbRouting + "' (known: router, multihost)");
        };
        return new DbVariant(sync, patroni, multihost, runbook);
    }

    /** For plans, reports and messages: "sync replication, Patroni 4, db routing router". */
    public String label() {
        return (synchronous ? "sync" : "async") + " replication, Patroni " + patroni + ", db routing "
                + (multihost ? "multihost" : "router") + (paused ? ", Patroni paused (runbook failover)" : "");
    }
}
