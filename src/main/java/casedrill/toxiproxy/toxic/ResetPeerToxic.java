package casedrill.toxiproxy.toxic;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Drops the first chunk, waits {@code timeout} ms, then resets both sockets (TCP RST). */
public record ResetPeerToxic(long timeout) implements Toxic {
    public static final ToxicType TYPE = new ToxicType("reset_peer", "ResetPeerToxic", a -> new ResetPeerToxic(a.get("timeout")), "timeout");

    @Override
    public void pipe(Chunk chunk, Stub stub) {
        stub.drop();
        if (timeout > 0) {
            stub.sleepNanos(TimeUnit.MILLISECONDS.toNanos(timeout));
        }
        stub.reset();
    }

    @Override
    public Map<String, Long> attributes() {
        return Map.of("timeout", timeout);
    }
}
