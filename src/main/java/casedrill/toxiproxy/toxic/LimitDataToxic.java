package casedrill.toxiproxy.toxic;

import java.util.Map;

/** Forwards at most {@code bytes} bytes per link, then closes; the count survives updates. */
public record LimitDataToxic(long bytes) implements StatefulToxic {
    public static final ToxicType TYPE = new ToxicType("limit_data", "LimitDataToxic", a -> new LimitDataToxic(a.get("bytes")), "bytes");

    /** Bytes this link has forwarded so far. */
    static final class Forwarded {
        long count;
    }

    @Override
    public Object newState() {
        return new Forwarded();
    }

    @Override
    public void pipe(Chunk chunk, Stub stub) {
        Forwarded forwarded = (Forwarded) stub.state();
        long allowed = Math.max(0, Math.min(chunk.length(), bytes - forwarded.count));
        if (allowed > 0) {
            stub.emit((int) allowed);
            forwarded.count += allowed;
        }
        if (forwarded.count >= bytes) {
            stub.drop();
            stub.close();
        }
    }

    @Override
    public Map<String, Long> attributes() {
        return Map.of("bytes", bytes);
    }
}
