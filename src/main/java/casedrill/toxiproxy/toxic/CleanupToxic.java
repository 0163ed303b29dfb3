package casedrill.toxiproxy.toxic;

/** A toxic with a side effect when it is removed from a live link (timeout closes it). */
public interface CleanupToxic extends Toxic {
    void cleanup(Stub stub);
}
