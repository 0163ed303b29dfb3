package casedrill.toxiproxy.toxic;

import java.util.Map;

/**
 * Black-holes every chunk; closes the connection after {@code timeout} ms without a chunk
 * (0 = never), and closes it when the toxic is removed.
 */
public record TimeoutToxic(long timeout) implements IdleToxic, CleanupToxic {
    public static final ToxicType TYPE = new ToxicType("timeout", "TimeoutToxic", a -> new TimeoutToxic(a.get("timeout")), "timeout");

    @Override
    public void pipe(Chunk chunk, Stub stub) {
        stub.drop();
    }

    @Override
    public long idleCloseMillis() {
        return timeout;
    }

    @Override
    public void cleanup(Stub stub) {
        stub.close();
    }

    @Override
    public Map<String, Long> attributes() {
        return Map.of("timeout", timeout);
    }
}
