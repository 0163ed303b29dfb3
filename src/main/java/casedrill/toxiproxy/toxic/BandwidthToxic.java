package casedrill.toxiproxy.toxic;

import java.util.Map;

/**
 * Paces the link at {@code rate} KB/s (1 KB = 1000 bytes), in pieces of at most 100 ms worth of
 * bytes. Rate 0 stalls the link until the toxic is updated or removed.
 */
public record BandwidthToxic(long rate) implements Toxic {
    public static final ToxicType TYPE = new ToxicType("bandwidth", "BandwidthToxic", a -> {
        long rate = a.get("rate");
        if (rate < 0) {
            throw new IllegalArgumentException("bandwidth rate must be >= 0, but was " + rate);
        }
        return new BandwidthToxic(rate);
    }, "rate");

    @Override
    public void pipe(Chunk chunk, Stub stub) {
        if (rate <= 0) {
            stub.stall();
            return;
        }
        long maxPiece = rate * 100;
        for (int left = chunk.length(); left > 0; ) {
            int piece = (int) Math.min(left, maxPiece);
            // len/rate ms, counted from the end of the previous piece, so pacing has no drift
            stub.sleepNanos(piece * 1_000_000L / rate);
            stub.emit(piece);
            left -= piece;
        }
    }

    @Override
    public Map<String, Long> attributes() {
        return Map.of("rate", rate);
    }
}
