package casedrill.drill;

import casedrill.history.Event;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Writes a {@code cluster_sample} into the history every interval on its own daemon thread, so the report can draw who
 * led and how far each replica lagged, and the split-brain checker can see two members writable at once. It never
 * blocks the drill: the view bounds every question, and a view that fails anyway gives a sample with nothing known.
 */
final class ClusterSampler implements AutoCloseable {
    private final ClusterView view;
    private final LongSupplier offsetMs;
    private final Consumer<Event> history;
    private ScheduledExecutorService timer;

    ClusterSampler(ClusterView view, LongSupplier offsetMs, Consumer<Event> history) {
        this.view = view;
        this.offsetMs = offsetMs;
        this.history = history;
    }

    ClusterSampler start(Duration interval) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-sampler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sampleOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    void sampleOnce() {
        long at = offsetMs.getAsLong();
        Event.ClusterSample sample;
        try {
            sample = view.sample(at);
        } catch (RuntimeException e) {
            sample = new Event.ClusterSample(at, null, List.of());
        }
        history.accept(sample);
    }

    /** Stops sampling; a sample under way may still be written (the history drops lines after it is closed). */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        view.close();
    }
}
