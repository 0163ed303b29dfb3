package casedrill.drill;

import casedrill.history.DrillClock;
import casedrill.history.Event;
import casedrill.load.GatlingRunner;
import casedrill.load.LoadParameters;
import casedrill.load.LoadProfile;
import casedrill.load.LoadStart;
import casedrill.load.LoadStop;
import casedrill.load.RequestRecorder;
import casedrill.probe.CanaryProbes;
import casedrill.probe.ProbeTransaction;
import casedrill.probe.StandardProbes;
import casedrill.probe.Tokens;
import casedrill.probe.WriteLedger;
import casedrill.scenario.LoadSpec;
import casedrill.scenario.Scenario;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The drill's traffic: Gatling load in-process and the canary probes, both through the edge, into one write ledger. */
final class LoadSession implements LoadDriver {
    /** How long a ready simulation waits for {@link #go}: past it, the drill that booted it has gone. */
    private static final Duration READY_PATIENCE = Duration.ofMinutes(5);

    private final WriteLedger ledger;
    private final RequestRecorder recorder;
    private final LoadStart start = new LoadStart(READY_PATIENCE);
    private final Supplier<CanaryProbes> probeStart;
    private final CompletableFuture<Integer> gatling;
    private CanaryProbes probes;
    private volatile boolean failed;

    /** Boots Gatling, which waits, ready, for {@link #go}; no request is sent before that. */
    LoadSession(Scenario s, URI edge, Tokens tokens, DrillClock clock, Consumer<Event> history, Path gatlingDir, String keyPrefix) {
        this.ledger = new WriteLedger(history);
        this.recorder = new RequestRecorder(history, s.load().timeout().toMillis());
        List<ProbeTransaction> canaries = StandardProbes.of(tokens, keyPrefix + "-probe", ledger).stream()
                .filter(p -> s.probes().transactions().contains(p.name())).toList();
        this.probeStart = () -> new CanaryProbes(edge, s.probes().interval(), s.probes().timeout(), canaries, clock, history);
        LoadParameters parameters = new LoadParameters(edge, tokens, profile(s), s.load().timeout(), keyPrefix, clock, recorder,
                ledger, null, start);
        this.gatling = GatlingRunner.start(simulation(s.load()), parameters, gatlingDir, s.id(), true);
    }

    @Override
    public Optional<String> awaitReady(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (start.awaitReady(Duration.ofMillis(200))) {
                    return Optional.empty();
                }
                if (gatling.isDone()) {
                    return Optional.of("Gatling ended before it was ready to send load (" + end(Duration.ZERO) + ")");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while Gatling booted");
        }
        return Optional.of("Gatling was not ready to send load within " + limit.toSeconds() + " s of booting");
    }

    @Override
    public void go() {
        probes = probeStart.get();
        start.go();
    }

    static LoadProfile profile(Scenario s) {
        LoadSpec load = s.load();
        Map<String, Double> mix = new LinkedHashMap<>();
        load.mix().forEach((tx, weight) -> mix.put(tx, weight.doubleValue()));
        return new LoadProfile(load.rate().perSecond(), load.rampUp(), s.duration().minus(load.rampUp()), mix,
                load.surge().map(x -> new LoadProfile.Surge(x.at(), x.duration(), x.factor())).orElse(null));
    }

    private static Class<?> simulation(LoadSpec load) {
        String name = "casedrill.loadtests." + load.simulation();
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("simulation class " + name + " is not on the class path", e);
        }
    }

    /** Whether the load run crashed or refused its arguments (its assertions failing is not a crash). */
    @Override
    public boolean failed() {
        return failed;
    }

    @Override
    public long requests() {
        return recorder.recorded();
    }

    @Override
    public WriteLedger ledger() {
        return ledger;
    }

    /** Stops the probes, waits up to {@code wait} for Gatling to finish its run, and closes the recorder (last seconds flushed). */
    @Override
    public String finish(Duration wait) {
        if (probes != null) {
            probes.close();
        }
        // a simulation still waiting for go starts now, sees the stop the drill requested, and ends
        start.go();
        String gatlingEnd = end(wait);
        recorder.close();
        return gatlingEnd;
    }

    private String end(Duration wait) {
        String gatlingEnd;
        try {
            Integer code = gatling.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            gatlingEnd = "Gatling exited " + code;
            failed = code == null || code == 1;
        } catch (java.util.concurrent.TimeoutException e) {
            gatlingEnd = "Gatling still running after " + wait.toSeconds() + " s (left to finish in the background)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gatlingEnd = "interrupted while waiting for Gatling";
        } catch (java.util.concurrent.ExecutionException e) {
            if (LoadStop.requested() && e.getCause() instanceof UnsupportedOperationException) {
                // Stopped before its first request: Gatling then refuses to write a report, which is no failure of the load.
                gatlingEnd = "Gatling stopped before sending any request (" + e.getCause().getMessage() + ")";
            } else {
                gatlingEnd = "Gatling failed: " + e.getCause();
                failed = true;
            }
        }
        if (LoadStop.requested()) {
            gatlingEnd += "; load stopped early: " + LoadStop.reason();
        }
        return gatlingEnd;
    }
}
