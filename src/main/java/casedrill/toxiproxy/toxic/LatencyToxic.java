package casedrill.toxiproxy.toxic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Delays each chunk to leave {@code latency ± jitter} ms after it arrived; order is kept. */
public record LatencyToxic(long latency, long jitter) implements Toxic {
    public static final ToxicType TYPE =
            new ToxicType("latency", "LatencyToxic", a -> new LatencyToxic(a.get("latency"), a.get("jitter")), "latency", "jitter");

    @Override
    public void pipe(Chunk chunk, Stub stub) {
        long delay = latency;
        if (jitter > 0) {
            delay += stub.random().nextLong(-jitter, jitter);
        }
        if (delay > 0) {
            stub.sleepUntil(chunk.arrivedNanos() + TimeUnit.MILLISECONDS.toNanos(delay));
        }
        stub.emit(chunk.length());
    }

    @Override
    public Map<String, Long> attributes() {
        Map<String, Long> a = new LinkedHashMap<>();
        a.put("latency", latency);
        a.put("jitter", jitter);
        return a;
    }
}
