package casedrill.environment;

import java.util.OptionalInt;

/** The most one fault may hit: sites and nodes. Empty means no limit. */
public record BlastRadius(OptionalInt sites, OptionalInt nodes) {
    public static final BlastRadius UNLIMITED = new BlastRadius(OptionalInt.empty(), OptionalInt.empty());
}
