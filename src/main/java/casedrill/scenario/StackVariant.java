package casedrill.scenario;

/**
 * The scenario's {@code stack:} block: which variant of the reference stack a drill needs, and which provider runs it
 * (a name; the command line's {@code --provider} overrides it).
 */
public record StackVariant(String replication, String patroni, String dbRouting, String provider) {
    public static final String DEFAULT_PROVIDER = "local";
    public static final StackVariant DEFAULT = new StackVariant("sync", "4", "router", DEFAULT_PROVIDER);

    public StackVariant(String replication, String patroni, String dbRouting) {
        this(replication, patroni, dbRouting, DEFAULT_PROVIDER);
    }

    /** The default database variant, whichever provider runs it. */
    public boolean isDefault() {
        return replication.equals(DEFAULT.replication) && patroni.equals(DEFAULT.patroni) && dbRouting.equals(DEFAULT.dbRouting);
    }
}
