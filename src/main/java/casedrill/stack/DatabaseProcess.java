package casedrill.stack;

/** One process of a postgres node that a fault may crash alone. */
public enum DatabaseProcess {
    /** Patroni alone: its PostgreSQL keeps running, orphaned. */
    PATRONI,
    /** The PostgreSQL server: Patroni restarts it. */
    POSTGRES;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static DatabaseProcess of(String id) {
        return switch (id) {
            case "patroni" -> PATRONI;
            case "postgres" -> POSTGRES;
            default -> throw new IllegalArgumentException("unknown database process '" + id + "' (known: patroni, postgres)");
        };
    }
}
