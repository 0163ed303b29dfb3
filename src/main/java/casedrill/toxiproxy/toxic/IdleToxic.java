package casedrill.toxiproxy.toxic;

/**
 * A toxic that closes its link after a quiet period: the timer starts when the toxic starts on
 * the link and restarts after every chunk. Zero or less means never.
 */
public interface IdleToxic extends Toxic {
    long idleCloseMillis();
}
