package casedrill.drill;

import casedrill.fault.JsonHttp;
import casedrill.stack.ControlChannel;
import casedrill.stack.RunningStack;
import java.net.ConnectException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Checks, every second, that what the drill injects through still answers: the stack's Toxiproxy API and the
 * stack's control channel. A component that fails {@code inARow} checks in a row has failed at its first failed
 * check; the drill then ends UNKNOWN (exit 4) naming it, since what follows would measure the harness's own
 * infrastructure rather than the system under test.
 */
final class InfrastructureWatch implements AutoCloseable {
    /** One thing to check: a name for people, where it is asked, and the check (which throws with the reason). */
    record Component(String name, String address, Check check) {
    }

    @FunctionalInterface
    interface Check {
        void verify() throws Exception;
    }

    /** A component that stopped answering, since {@code sinceMs} on the drill clock. */
    record Failure(Component component, long sinceMs, String reason) {
        String describe() {
            return String.format(Locale.ROOT, "%s at %s stopped answering at %.1f s (%s)", component.name(), component.address(),
                    sinceMs / 1000.0, reason);
        }
    }

    private final List<Component> components;
    private final LongSupplier offsetMs;
    private final int inARow;
    private final Consumer<Failure> onFailure;
    private final Map<Component, Long> firstFailedMs = new HashMap<>();
    private final Map<Component, Integer> failedInARow = new HashMap<>();
    private volatile Failure failure;
    private ScheduledExecutorService timer;

    InfrastructureWatch(List<Component> components, LongSupplier offsetMs, int inARow, Consumer<Failure> onFailure) {
        if (inARow < 1) {
            throw new IllegalArgumentException("checks in a row must be >= 1, but was " + inARow);
        }
        this.components = List.copyOf(components);
        this.offsetMs = offsetMs;
        this.inARow = inARow;
        this.onFailure = onFailure;
    }

    /**
     * The stack's components: its Toxiproxy API ({@code GET /version}, answered within 2 s) and its provider's
     * control channel (the local provider: the state file, through which every signal finds its PID). Three failed checks in a row count, so a slow answer or two on a
     * loaded machine does not end a drill; a server that is gone refuses at once, so that takes three seconds.
     */
    static InfrastructureWatch ofStack(String toxiproxyApi, RunningStack stack, LongSupplier offsetMs, Consumer<Failure> onFailure) {
        JsonHttp http = new JsonHttp(Duration.ofSeconds(2));
        ControlChannel control = stack.controlChannel();
        return new InfrastructureWatch(List.of(
                new Component("the stack's Toxiproxy server", toxiproxyApi, () -> http.get("http://" + toxiproxyApi + "/version")),
                new Component(control.name(), control.address(), stack::checkControl)), offsetMs, 3, onFailure);
    }

    /** Checks every {@code interval} on a daemon thread until closed or a component failed. */
    InfrastructureWatch start(Duration interval) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "infrastructure-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::checkOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One round of checks; once a component has failed, nothing more is checked. */
    synchronized void checkOnce() {
        if (failure != null) {
            return;
        }
        for (Component c : components) {
            long nowMs = offsetMs.getAsLong();
            try {
                c.check().verify();
                firstFailedMs.remove(c);
                failedInARow.remove(c);
            } catch (Exception e) {
                long since = firstFailedMs.computeIfAbsent(c, k -> nowMs);
                if (failedInARow.merge(c, 1, Integer::sum) >= inARow) {
                    failure = new Failure(c, since, reason(e));
                    onFailure.accept(failure);
                    return;
                }
            }
        }
    }

    /**
     * After an action through the infrastructure failed: checks again, once a second, until a component has failed
     * or every one answered; returns the failure if there is one.
     */
    Optional<Failure> confirm(Duration interval) {
        for (int i = 0; i < inARow && failure == null; i++) {
            checkOnce();
            if (failure == null && failedInARow.isEmpty()) {
                break;
            }
            if (failure == null) {
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return failure();
    }

    private static String reason(Exception e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
