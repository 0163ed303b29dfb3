package casedrill.load;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks the running simulation to stop its load generator (a drill that aborts must not keep sending
 * traffic to a system it has just declared unsafe). Simulations check it for every new virtual user,
 * so the load stops within one arrival interval. One load run at a time per JVM, as for {@link LoadParameters}.
 */
public final class LoadStop {
    private static final AtomicReference<String> REASON = new AtomicReference<>();

    private LoadStop() {}

    /** Stops the current run's load generator; the first reason wins. */
    public static void request(String reason) {
        REASON.compareAndSet(null, reason);
    }

    public static boolean requested() {
        return REASON.get() != null;
    }

    public static String reason() {
        String reason = REASON.get();
        return reason == null ? "" : reason;
    }

    /** A new run starts with no stop requested. */
    static void reset() {
        REASON.set(null);
    }
}
