package casedrill.drill;

import casedrill.history.DrillClock;
import casedrill.history.Event;
import casedrill.load.GatlingRunner;
import casedrill.load.LoadParameters;
import casedrill.load.LoadProfile;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The drill's traffic: Gatling load in-process and the canary probes, both through the edge, into one write ledger. */
final class LoadSession implements LoadDriver {
    private final WriteLedger ledger;
    private final RequestRecorder recorder;
    private final CanaryProbes probes;
    private final CompletableFuture<Integer> gatling;
    private volatile boolean failed;

    LoadSession(Scenario s, URI edge, Tokens tokens, DrillClock clock, Consumer<Event> history, Path gatlingDir, String keyPrefix) {
        this.ledger = new WriteLedger(history);
        this.recorder = new RequestRecorder(history, s.load().timeout().toMillis());
        List<ProbeTransaction> canaries = StandardProbes.of(tokens, keyPrefix + "-probe", ledger).stream()
                .filter(p -> s.probes().transactions().contains(p.name())).toList();
        this.probes = new CanaryProbes(edge, s.probes().interval(), s.probes().timeout(), canaries, clock, history);
        LoadParameters parameters = new LoadParameters(edge, tokens, profile(s), s.load().timeout(), keyPrefix, clock, recorder,
                ledger, null);
        this.gatling = GatlingRunner.start(simulation(s.load()), parameters, gatlingDir, s.id(), true);
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
        probes.close();
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
        recorder.close();
        return gatlingEnd;
    }
}
