package casedrill.stack;

import java.util.Locale;

/**
 * Where a drill's stack came from: started for it, kept from an earlier drill and reset to a verified baseline, or a
 * stack someone else runs that the drill attached to as it was ({@code run --attach}: nothing reset, nothing verified).
 */
public enum StackOrigin {
    FRESH, REUSED, ATTACHED;

    /** As result.json and the reports write it: "fresh", "reused", "attached". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
