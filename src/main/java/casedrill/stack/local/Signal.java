package casedrill.stack.local;

/** The POSIX signals node control uses. */
public enum Signal {
    TERM, KILL, STOP, CONT, INT, HUP
}
