package casedrill.drill;

import casedrill.notation.Durations;
import casedrill.probe.Tokens;
import casedrill.scenario.Scenario;
import casedrill.stack.Credentials;
import casedrill.stack.RunningStack;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Warms a stack this drill started before its steady state is judged. Freshly started app JVMs answer their first
 * requests of each kind in seconds (class loading, connection pools, the JIT): on a two-core CI machine a containers
 * stack failed 30 % of its first ten seconds of load, which says nothing about the deployment's steady state and
 * made the drill inconclusive. A stack is warm once {@code streak} rounds through every workload path
 * ({@link WarmupRound}) succeeded in a row, with {@code workers} rounds in flight (so more than one app node sees
 * them). An attached stack is never warmed: it is drilled as it is, and nothing is written to it before the drill.
 */
final class StackWarmup {
    /** What the warm-up did: for the result's timeline and, when the stack never warmed, the drill's reason. */
    record Outcome(boolean warm, int rounds, int failed, long millis, String lastFailure) {
        String describe() {
            String took = Durations.seconds(millis / 1000.0);
            return warm ? "stack warmed through its edge in " + took + ": " + rounds + " rounds of the workload's paths, "
                    + failed + " failed before the last " + STREAK + " in a row succeeded"
                    : "the stack did not answer its workload's paths " + STREAK + " times in a row within " + took + " ("
                    + rounds + " rounds, " + failed + " failed; last failure: " + lastFailure + ")";
        }
    }

    /** How a drill warms its stack: through the edge for real stacks, instantly for a test's fake. */
    @FunctionalInterface
    interface Warmer {
        Outcome warm(RunningStack stack, Scenario scenario, String keyPrefix, BooleanSupplier stop);
    }

    static final int STREAK = 20;
    private static final int WORKERS = 4;
    /** Warm app nodes answer a round in well under a second; two minutes of failures is a stack that is not serving. */
    private static final Duration LIMIT = Duration.ofSeconds(120);

    private StackWarmup() {}

    /** The real warm-up: rounds through the stack's edge with its credentials and the load's request timeout. */
    static Outcome throughTheEdge(RunningStack stack, Scenario scenario, String keyPrefix, BooleanSupplier stop) {
        return throughTheEdge(stack, scenario.load().timeout(), keyPrefix, stop);
    }

    /** Rounds through the stack's edge with its credentials, each request bounded by {@code timeout}. */
    static Outcome throughTheEdge(RunningStack stack, Duration timeout, String keyPrefix, BooleanSupplier stop) {
        Credentials c = stack.credentials();
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        WarmupRound round = new WarmupRound(client, stack.edgeUrl(), new Tokens(c.clientToken(), c.officerToken(), c.partnerToken()),
                timeout, keyPrefix);
        return run(round, LIMIT, stop);
    }

    /** Runs rounds until {@link #STREAK} succeed in a row, {@code limit} passes or {@code stop} says so. */
    static Outcome run(WarmupRound round, Duration limit, BooleanSupplier stop) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        AtomicInteger streak = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> lastFailure = new AtomicReference<>("none");
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            Thread worker = new Thread(() -> {
                while (streak.get() < STREAK && System.nanoTime() < deadline && !stop.getAsBoolean()) {
                    try {
                        Optional<String> failure = round.run(rounds.getAndIncrement());
                        if (failure.isPresent()) {
                            failed.incrementAndGet();
                            lastFailure.set(failure.get());
                            streak.set(0);
                            Thread.sleep(200);
                        } else {
                            streak.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "warmup-" + w);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                workers.forEach(Thread::interrupt);
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Outcome(streak.get() >= STREAK, rounds.get(), failed.get(), (System.nanoTime() - start) / 1_000_000,
                lastFailure.get());
    }
}
