package casedrill.toxiproxy.toxic;

import java.util.Map;

/**
 * A toxic: its parameters plus what it does to one chunk of a link. Implementations are
 * immutable records; an update replaces the record. Behaviour is written as a plan of steps
 * on the {@link Stub} (emit, sleep, drop, close) that the link executes in order, so a toxic never
 * touches sockets or buffers and can be interrupted between any two steps.
 */
public interface Toxic {
    /** Plans what happens to one chunk arriving at this toxic. */
    void pipe(Chunk chunk, Stub stub);

    /** Every attribute of the type, in the wire order, zeros included. */
    Map<String, Long> attributes();
}
