package casedrill.observer;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls the edge with intake writes on threads of its own: a tick every {@code spacing} sends one write when fewer
 * than {@code inFlight} are unanswered (a tick with none free is skipped, as a client with a full pool would).
 * {@link #close()} stops sending and waits for the writes in flight to end, so every write sent has its outcome.
 */
public final class EdgePoller implements AutoCloseable {
    private final ObserverSettings settings;
    private final ObserverClock clock;
    private final ObservationLog log;
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(2, daemon("observer-http"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("observer-tick"));
    private final HttpClient http;
    private final Semaphore free;
    private final AtomicLong seq = new AtomicLong();
    private final Queue<ObservedWrite> writes = new ConcurrentLinkedQueue<>();

    private EdgePoller(ObserverSettings settings, ObserverClock clock, ObservationLog log) {
        this.settings = settings;
        this.clock = clock;
        this.log = log;
        this.free = new Semaphore(settings.inFlight());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                .executor(httpThreads).build();
    }

    /** Starts polling at once; {@code clock} places the observer's readings on the drill's time line. */
    public static EdgePoller start(ObserverSettings settings, ObserverClock clock, ObservationLog log) {
        EdgePoller poller = new EdgePoller(settings, clock, log);
        log.settings(settings, clock);
        long every = settings.spacing().toNanos();
        poller.ticker.scheduleAtFixedRate(poller::tick, 0, every, TimeUnit.NANOSECONDS);
        return poller;
    }

    private void tick() {
        if (!free.tryAcquire()) {
            return;
        }
        long n = seq.incrementAndGet();
        ObserverIntake intake = ObserverIntake.of(settings.keyPrefix(), n);
        HttpRequest request = HttpRequest.newBuilder(settings.edge().resolve("/api/cases")).timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.token()).header("Content-Type", "application/json")
                .header("Idempotency-Key", intake.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(intake.body())).build();
        long sentMs = clock.offsetMs();
        try {
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> ended(n, intake, sentMs, response, error));
        } catch (RuntimeException e) {
            ended(n, intake, sentMs, null, e);
        }
    }

    private void ended(long n, ObserverIntake intake, long sentMs, HttpResponse<Void> response, Throwable error) {
        try {
            long doneMs = clock.offsetMs();
            ObservedWrite w = response != null
                    ? new ObservedWrite(n, intake.idempotencyKey(), intake.sha256(), sentMs, doneMs, response.statusCode(),
                            outcome(response.statusCode()), response.headers().firstValue("X-Served-By-Node").orElse(null))
                    : failed(n, intake, sentMs, doneMs, error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error);
            writes.add(w);
            log.write(w);
        } finally {
            free.release();
        }
    }

    private static ObservedWrite failed(long n, ObserverIntake intake, long sentMs, long doneMs, Throwable error) {
        // Refused means nothing reached a server; any other end without a response may have applied the write.
        boolean refused = error instanceof ConnectException && !(error instanceof java.net.http.HttpConnectTimeoutException);
        String detail = error instanceof HttpTimeoutException ? "timeout" : error.getClass().getSimpleName() + ": " + error.getMessage();
        return new ObservedWrite(n, intake.idempotencyKey(), intake.sha256(), sentMs, doneMs, 0,
                refused ? ObservedWrite.Outcome.REJECTED : ObservedWrite.Outcome.IN_DOUBT, detail);
    }

    static ObservedWrite.Outcome outcome(int status) {
        if (status == 200 || status == 201) {
            return ObservedWrite.Outcome.ACKNOWLEDGED;
        }
        return status >= 500 ? ObservedWrite.Outcome.IN_DOUBT : ObservedWrite.Outcome.REJECTED;
    }

    /** Every write that has ended so far, in the order they ended. */
    public List<ObservedWrite> writes() {
        return List.copyOf(writes);
    }

    /** Stops sending, waits for the writes in flight (each ends within its timeout), and stops the threads. */
    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
            if (free.tryAcquire(settings.inFlight(), settings.timeout().toMillis() + 2_000, TimeUnit.MILLISECONDS)) {
                free.release(settings.inFlight());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        httpThreads.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
