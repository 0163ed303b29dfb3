package casedrill.probe;

import casedrill.history.DrillClock;
import casedrill.history.Event;
import casedrill.history.Outcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Canary probes, one fixed-rate loop per transaction, independent of Gatling so RTO resolution does not depend
 * on load. A probe is sent at every tick, also while earlier ones still wait for an answer: waiting for a probe that
 * hangs until its timeout would leave a gap of up to the timeout after an outage ends, and the first success after
 * it would be seen that much late (an edge cut healed at 15.0 s was first seen at 16.0 s). The number in flight per
 * transaction is bounded by what the schedule itself produces within one timeout ({@link #inFlightBound}); a tick
 * beyond it is skipped and counted, never queued. A hanging probe ends as a timeout (UNKNOWN) at its send offset,
 * which keeps the outage visible to the checkers.
 */
public final class CanaryProbes implements AutoCloseable {
    private final URI base;
    private final Duration timeout;
    private final DrillClock clock;
    private final Consumer<Event> history;
    private final ScheduledExecutorService ticker;
    private final ExecutorService httpThreads;
    private final HttpClient http;
    private final List<Loop> loops = new ArrayList<>();
    private final int inFlightBound;

    public CanaryProbes(URI base, Duration interval, Duration timeout, List<ProbeTransaction> transactions,
                        DrillClock clock, Consumer<Event> history) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("probe interval must be > 0, but was " + interval);
        }
        this.base = base;
        this.timeout = timeout;
        this.clock = clock;
        this.history = history;
        this.inFlightBound = inFlightBound(interval, timeout);
        this.ticker = Executors.newScheduledThreadPool(1, daemon("probe-ticker"));
        this.httpThreads = Executors.newFixedThreadPool(2, daemon("probe-http"));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .executor(httpThreads)
                .build();
        for (ProbeTransaction tx : transactions) {
            Loop loop = new Loop(tx);
            loops.add(loop);
            ticker.scheduleAtFixedRate(loop::tick, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Probes one transaction may have in flight: those its schedule sends within one timeout, plus one. */
    static int inFlightBound(Duration interval, Duration timeout) {
        return (int) Math.min(1_000, timeout.toNanos() / interval.toNanos() + 1);
    }

    /** Ticks skipped because {@link #inFlightBound} probes of that transaction were still in flight, per transaction. */
    public long skipped(String transaction) {
        return loops.stream().filter(l -> l.tx.name().equals(transaction)).mapToLong(l -> l.skipped.get()).sum();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        // Let in-flight probes finish (or time out) so each one is recorded exactly once.
        long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.SECONDS.toNanos(1);
        while (loops.stream().anyMatch(l -> l.inFlight.get() > 0) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        httpThreads.shutdownNow();
    }

    private final class Loop {
        final ProbeTransaction tx;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicLong seq = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();

        Loop(ProbeTransaction tx) {
            this.tx = tx;
        }

        void tick() {
            if (inFlight.incrementAndGet() > inFlightBound) {
                inFlight.decrementAndGet();
                skipped.incrementAndGet();
                return;
            }
            long n = seq.getAndIncrement();
            long sentMs = clock.offsetMs();
            try {
                http.sendAsync(tx.request(base, n).timeout(timeout).build(), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, error) -> finish(n, sentMs, response, error));
            } catch (RuntimeException e) {
                finish(n, sentMs, null, e);
            }
        }

        private void finish(long n, long sentMs, HttpResponse<String> response, Throwable error) {
            try {
                long doneMs = clock.offsetMs();
                ProbeResult result = response != null
                        ? new ProbeResult(n, sentMs, doneMs, tx.succeeded(response) ? Outcome.OK : Outcome.FAILED,
                                response.statusCode(), IntakeAttempt.Failure.NONE)
                        : failed(n, sentMs, doneMs, error);
                String node = response == null ? null : response.headers().firstValue("X-Served-By-Node").orElse(null);
                history.accept(new Event.Probe(sentMs, tx.name(), result.outcome(), result.status(),
                        doneMs - sentMs, node));
                tx.completed(result, response);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    static ProbeResult failed(long n, long sentMs, long doneMs, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        IntakeAttempt.Failure failure;
        Outcome outcome;
        if (cause instanceof HttpConnectTimeoutException) {
            // Never connected, so never sent: a definite failure like a refused connection.
            failure = IntakeAttempt.Failure.REFUSED;
            outcome = Outcome.FAILED;
        } else if (cause instanceof HttpTimeoutException) {
            failure = IntakeAttempt.Failure.TIMEOUT;
            outcome = Outcome.UNKNOWN;
        } else if (cause instanceof ConnectException) {
            failure = IntakeAttempt.Failure.REFUSED;
            outcome = Outcome.FAILED;
        } else if (cause instanceof IOException) {
            failure = IntakeAttempt.Failure.CONNECTION_LOST;
            outcome = Outcome.UNKNOWN;
        } else {
            failure = IntakeAttempt.Failure.CONNECTION_LOST;
            outcome = Outcome.FAILED;
        }
        return new ProbeResult(n, sentMs, doneMs, outcome, 0, failure);
    }

    private static ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
