package casedrill.load;

import casedrill.history.Event;
import casedrill.history.HistogramCodec;
import casedrill.history.Outcome;
import casedrill.history.PeriodicDrain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Per-request outcomes from Gatling's hook, aggregated per second (of send time), transaction and outcome into
 * HdrHistograms. {@link #record} only enqueues (it runs on Netty event loops); one thread aggregates. A second
 * is closed once no request sent in it can still complete (request timeout + margin): its histograms are
 * compressed into a {@code load_second} event, kept and sent to the history, and the live histograms reused.
 * Memory therefore grows with drill seconds (a few hundred bytes per second and key), not with requests.
 */
public final class RequestRecorder implements AutoCloseable {
    /** One request as the hook saw it. {@code sentMs} is the drill clock offset at send. */
    public record Request(String transaction, long sentMs, long latencyMicros, Outcome outcome, int status,
                          String node, String systemId) {}

    private record Key(long second, String transaction, Outcome outcome) {}

    private static final int MAX_SPARE = 64;

    private final Queue<Request> incoming = new ConcurrentLinkedQueue<>();
    private final Map<Key, Histogram> open = new HashMap<>();
    // The latest send time per open key: failures are dated by it (see check.Samples), not by their second's end.
    private final Map<Key, Long> lastSent = new HashMap<>();
    private final List<Histogram> spare = new ArrayList<>();
    private final List<Event.LoadSecond> closed = new ArrayList<>();
    private final Consumer<Event> history;
    private final long closeAfterMs;
    private final long highestMicros;
    private final AtomicLong recorded = new AtomicLong();
    private final PeriodicDrain aggregator;
    private volatile long latestSentMs;

    public RequestRecorder(Consumer<Event> history, long requestTimeoutMs) {
        this.history = history;
        this.closeAfterMs = requestTimeoutMs + 2_000;
        // Nothing completes later than the request timeout; a margin covers the hook running late.
        this.highestMicros = TimeUnit.MILLISECONDS.toMicros(Math.max(requestTimeoutMs * 2, 10_000));
        this.aggregator = new PeriodicDrain("load-recorder", Duration.ofMillis(100), () -> drain(false));
    }

    public void record(Request request) {
        incoming.add(request);
    }

    /** Requests aggregated so far (lags {@link #record} by up to one aggregation period). */
    public long recorded() {
        return recorded.get();
    }

    /** Closed seconds, in order of closing; complete after {@link #close}. */
    public synchronized List<Event.LoadSecond> seconds() {
        return List.copyOf(closed);
    }

    private synchronized void drain(boolean all) {
        Request r;
        while ((r = incoming.poll()) != null) {
            Key key = new Key(r.sentMs() / 1000, r.transaction(), r.outcome());
            open.computeIfAbsent(key, k -> spare.isEmpty() ? new Histogram(highestMicros, 3) : spare.remove(spare.size() - 1))
                    .recordValue(Math.min(Math.max(r.latencyMicros(), 0), highestMicros));
            lastSent.merge(key, r.sentMs(), Math::max);
            recorded.incrementAndGet();
            if (r.sentMs() > latestSentMs) {
                long previousSecond = latestSentMs / 1000;
                latestSentMs = r.sentMs();
                // Close as time advances, not only per batch, so a backlog never holds many seconds open.
                if (latestSentMs / 1000 != previousSecond) {
                    closeSecondsBefore((latestSentMs - closeAfterMs) / 1000);
                }
            }
        }
        closeSecondsBefore(all ? Long.MAX_VALUE : (latestSentMs - closeAfterMs) / 1000);
    }

    private void closeSecondsBefore(long second) {
        List<Key> ready = new ArrayList<>();
        for (Key key : open.keySet()) {
            if (key.second() < second) {
                ready.add(key);
            }
        }
        ready.sort(Comparator.comparingLong(Key::second).thenComparing(Key::transaction).thenComparing(Key::outcome));
        for (Key key : ready) {
            Histogram h = open.remove(key);
            Event.LoadSecond event = new Event.LoadSecond(key.second() * 1000, key.transaction(), key.outcome(),
                    h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(95),
                    h.getValueAtPercentile(99), h.getMaxValue(), HistogramCodec.encode(h), lastSent.remove(key));
            closed.add(event);
            history.accept(event);
            h.reset();
            if (spare.size() < MAX_SPARE) {
                spare.add(h);
            }
        }
    }

    /** Stops aggregating and closes every open second; call after the load run ends. */
    @Override
    public void close() {
        aggregator.close();
        drain(true);
        aggregator.rethrowFailure("load recorder failed; per-second aggregates are incomplete");
    }
}
