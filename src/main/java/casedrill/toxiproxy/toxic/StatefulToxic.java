package casedrill.toxiproxy.toxic;

/** A toxic that keeps per-link state which survives updates of its attributes. */
public interface StatefulToxic extends Toxic {
    Object newState();
}
