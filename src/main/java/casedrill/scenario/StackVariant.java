package casedrill.scenario;

/** Which variant of the reference stack a drill needs. */
public record StackVariant(String replication, String patroni, String dbRouting) {
    public static final StackVariant DEFAULT = new StackVariant("sync", "4", "router");

    public boolean isDefault() {
        return equals(DEFAULT);
    }
}
