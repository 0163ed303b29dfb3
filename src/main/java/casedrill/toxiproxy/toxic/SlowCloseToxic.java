package casedrill.toxiproxy.toxic;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Passes data unchanged; holds back the close of its direction by {@code delay} ms. */
public record SlowCloseToxic(long delay) implements CloseAwareToxic {
    public static final ToxicType TYPE = new ToxicType("slow_close", "SlowCloseToxic", a -> new SlowCloseToxic(a.get("delay")), "delay");

    @Override
    public void pipe(Chunk chunk, Stub stub) {
        stub.emit(chunk.length());
    }

    @Override
    public void onSourceClosed(Stub stub) {
        if (delay > 0) {
            stub.sleepNanos(TimeUnit.MILLISECONDS.toNanos(delay));
        }
        stub.close();
    }

    @Override
    public Map<String, Long> attributes() {
        return Map.of("delay", delay);
    }
}
