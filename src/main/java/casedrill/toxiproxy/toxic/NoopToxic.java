package casedrill.toxiproxy.toxic;

import java.util.Map;

/** Passes data through; the reference server accepts this undocumented type. */
public record NoopToxic() implements Toxic {
    public static final ToxicType TYPE = new ToxicType("noop", "NoopToxic", a -> new NoopToxic());

    @Override
    public void pipe(Chunk chunk, Stub stub) {
        stub.emit(chunk.length());
    }

    @Override
    public Map<String, Long> attributes() {
        return Map.of();
    }
}
