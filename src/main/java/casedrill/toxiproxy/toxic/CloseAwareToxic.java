package casedrill.toxiproxy.toxic;

/** A toxic that acts on the close of its direction's source; others pass the close on at once. */
public interface CloseAwareToxic extends Toxic {
    void onSourceClosed(Stub stub);
}
