package casedrill.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import casedrill.fault.Fault;
import casedrill.fault.FaultException;
import casedrill.fault.FaultRegistry;
import casedrill.fault.LeaseFile;
import casedrill.fault.Undo;
import casedrill.history.DrillClock;
import casedrill.history.Event;
import casedrill.history.HistogramCodec;
import casedrill.history.Outcome;
import casedrill.probe.WriteLedger;
import casedrill.report.DrillResult;
import casedrill.scenario.Scenario;
import casedrill.scenario.ScenarioLoader;
import casedrill.stack.EffectiveAt;
import casedrill.stack.HostPort;
import casedrill.stack.RunningStack;
import casedrill.stack.StackOptions;
import casedrill.stack.StackProvider;
import casedrill.stack.StackRef;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's ways out, against a fake stack, a fake load and a drill clock ten times faster than the wall:
 * each drill of 20 s takes about two. What must hold on every one: active faults are healed (or kept in the lease
 * when their heal fails), a stack the runner started is taken down, and one it attached to is left alone. SIGTERM is
 * the shutdown hook's call, made from the test, so no signal reaches the JVM running the tests.
 */
class DrillRunnerPathsTest {
    private static final Path SCENARIO = Path.of("src/test/resources/drills/fake-stack-short.yaml");
    private static final int SPEED = 10;

    @TempDir
    Path reports;

    private HttpServer toxiproxy;
    private FakeRunningStack stack;
    private StackWarmup.Warmer warmer = (running, scenario, keyPrefix, stop) -> new StackWarmup.Outcome(true, 20, 0, 5, "none");

    @BeforeEach
    void toxiproxyAnswers() throws IOException {
        toxiproxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        toxiproxy.createContext("/version", exchange -> {
            byte[] body = "{\"version\":\"2.12.0\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        toxiproxy.start();
        stack = new FakeRunningStack(new HostPort("127.0.0.1", toxiproxy.getAddress().getPort()));
    }

    @AfterEach
    void stopToxiproxy() {
        toxiproxy.stop(0);
    }

    @Test
    void anAbortEndsTheDrillInconclusiveHealsItsFaultAndTakesDownTheStackItStarted() throws IOException {
        DrillResult result = run(null, offset -> offset < 5_000 ? Outcome.OK : Outcome.FAILED, healing());

        assertThat(result.exitCode()).as(result.reason()).isEqualTo(3);
        assertThat(result.reason()).startsWith("aborted: 'errorRate > 50%' held for");
        Path run = reports.resolve("fake-stack-short").resolve(result.runId());
        assertThat(Files.readString(run.resolve("history.jsonl"))).contains("\"abort_fired\"").contains("\"fault_healed\"");
        assertThat(new LeaseFile(run).read().faults()).as("active faults after the drill").isEmpty();
        assertThat(stack.calls()).as("calls on the stack").containsExactly("up", "collect-logs", "down");
    }

    @Test
    void aStackThatNeverWarmsIsInconclusiveWithNothingInjectedAndGoesDown() throws IOException {
        warmer = (running, scenario, keyPrefix, stop) -> new StackWarmup.Outcome(false, 300, 300, 120_000, "intake: http 503");
        AtomicInteger injected = new AtomicInteger();

        DrillResult result = run(null, offset -> Outcome.OK, (step, ctx) -> {
            injected.incrementAndGet();
            return fault(step.name(), () -> { });
        });

        assertThat(result.exitCode()).as(result.reason()).isEqualTo(3);
        assertThat(result.reason()).isEqualTo("the stack did not answer its workload's paths 20 times in a row within 120.00 s"
                + " (300 rounds, 300 failed; last failure: intake: http 503), so nothing was injected");
        assertThat(injected).as("faults built").hasValue(0);
        assertThat(result.timeline()).as("the result's timeline").anySatisfy(e -> assertThat(e.kind()).isEqualTo("warmup"));
        assertThat(stack.calls()).as("calls on the stack").containsExactly("up", "collect-logs", "down");
    }

    @Test
    void onlyAStackTheDrillStartedIsWarmed() {
        AtomicInteger warmed = new AtomicInteger();
        warmer = (running, scenario, keyPrefix, stop) -> {
            warmed.incrementAndGet();
            return new StackWarmup.Outcome(true, 20, 0, 5, "none");
        };

        run(stack.ref(), offset -> Outcome.OK, healing());
        assertThat(warmed).as("warm-ups of an attached stack").hasValue(0);

        run(null, offset -> Outcome.OK, healing());
        assertThat(warmed).as("warm-ups of a stack the drill started").hasValue(1);
    }

    @Test
    void anExceptionWhileInjectingIsAHarnessErrorAndTheStackStillGoesDown() {
        DrillResult result = run(null, offset -> Outcome.OK, (step, ctx) -> {
            throw new IllegalStateException("no fault factory here");
        });

        assertThat(result.exitCode()).as(result.reason()).isEqualTo(4);
        assertThat(result.reason()).isEqualTo("harness error during fault timeline: no fault factory here");
        assertThat(stack.calls()).as("calls on the stack").containsExactly("up", "collect-logs", "down");
    }

    @Test
    void aHealThatFailsIsAHarnessErrorAndTheFaultStaysInTheLease() throws IOException {
        DrillResult result = run(null, offset -> Outcome.OK, (step, ctx) -> fault(step.name(), () -> {
            throw new FaultException("node pg-dc1 does not start again");
        }));

        assertThat(result.exitCode()).as(result.reason()).isEqualTo(4);
        assertThat(result.reason()).contains("pg1-down").contains("node pg-dc1 does not start again");
        Path run = reports.resolve("fake-stack-short").resolve(result.runId());
        assertThat(new LeaseFile(run).read().faults()).as("faults left in the lease for recover")
                .extracting(l -> l.fault()).containsExactly("pg1-down");
        assertThat(new LeaseFile(run).read().stack()).isEqualTo(stack.ref());
        assertThat(stack.calls()).as("calls on the stack").containsExactly("up", "collect-logs", "down");
    }

    @Test
    void aHealedFaultLeavesAnEmptyLeaseAndAnAttachedStackRunning() throws IOException {
        DrillResult result = run(stack.ref(), offset -> Outcome.OK, healing());

        Path run = reports.resolve("fake-stack-short").resolve(result.runId());
        assertThat(new LeaseFile(run).read().faults()).as("active faults after the drill").isEmpty();
        assertThat(Files.readString(run.resolve("history.jsonl"))).contains("\"fault_injected\"").contains("\"fault_healed\"");
        assertThat(stack.calls()).as("an attached stack is neither taken down nor closed")
                .containsExactly("attach", "collect-logs");
    }

    @Test
    void aSigtermMidDrillHealsTheActiveFaultWritesAnInconclusiveResultAndTakesDownTheStack() throws Exception {
        AtomicInteger heals = new AtomicInteger();
        DrillRunner runner = runner(null, offset -> Outcome.OK, (step, ctx) -> fault(step.name(), heals::incrementAndGet));
        Path run = runner.runFolder();
        CompletableFuture<DrillResult> drill = CompletableFuture.supplyAsync(runner::run);
        await("pg1-down in effect").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> !new LeaseFile(run).read().faults().isEmpty());

        runner.terminated(); // what the JVM's shutdown hook runs on SIGTERM

        // the JVM halts once its hooks return, so what matters is that the results were written by then
        // (the future itself completes a moment later, when run() returns on its own thread)
        assertThat(run.resolve("result.json")).as("results written before the shutdown hook returned").exists();
        DrillResult result = drill.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.reason()).isEqualTo(3);
        assertThat(result.reason()).isEqualTo("interrupted: the harness was asked to stop (SIGTERM or Ctrl-C)");
        assertThat(heals).as("heals of pg1-down").hasValue(1);
        assertThat(new LeaseFile(run).read().faults()).as("active faults after SIGTERM").isEmpty();
        assertThat(new LeaseFile(run).read().stack()).isEqualTo(stack.ref());
        assertThat(Files.readString(run.resolve("history.jsonl"))).contains("\"fault_healed\"")
                .contains("aborted: interrupted: the harness was asked to stop");
        assertThat(Files.readString(run.resolve("result.json"))).as("result.json")
                .contains("\"exitCode\" : 3").contains("\"verdict\" : \"UNKNOWN\"").contains(result.reason());
        assertThat(stack.calls()).as("calls on the stack").containsExactly("up", "collect-logs", "down");
    }

    private DrillResult run(StackRef attach, LongFunction<Outcome> load, BiFunction<casedrill.scenario.FaultStep, casedrill.fault.FaultContext, Fault> faults) {
        return runner(attach, load, faults).run();
    }

    private DrillRunner runner(StackRef attach, LongFunction<Outcome> load, BiFunction<casedrill.scenario.FaultStep, casedrill.fault.FaultContext, Fault> faults) {
        Scenario scenario = ScenarioLoader.load(SCENARIO, FaultRegistry.ACTIONS);
        DrillOptions options = new DrillOptions(attach, false, reports, StackOptions.defaults(), 0, Duration.ofSeconds(5));
        DrillCollaborators with = new DrillCollaborators(name -> provider(), () -> fast(System.nanoTime()),
                (s, edge, tokens, clock, history, dir, prefix) -> new FakeLoad(clock, history, load), faults, warmer);
        return new DrillRunner(scenario, options, new PrintStream(new ByteArrayOutputStream()), with);
    }

    private BiFunction<casedrill.scenario.FaultStep, casedrill.fault.FaultContext, Fault> healing() {
        return (step, ctx) -> fault(step.name(), () -> { });
    }

    private StackProvider provider() {
        return new FakeStackProvider("fake", () -> stackAfter("up"), ref -> stackAfter("attach"));
    }

    private RunningStack stackAfter(String call) {
        stack.note(call);
        return stack;
    }

    private static Fault fault(String name, Runnable heal) {
        return new Fault() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String action() {
                return "kill";
            }

            @Override
            public String target() {
                return "node:pg-dc1";
            }

            @Override
            public Undo undo() {
                return Undo.paused(List.of());
            }

            @Override
            public EffectiveAt inject() {
                return EffectiveAt.now();
            }

            @Override
            public void heal() {
                heal.run();
            }
        };
    }

    /** Offsets run {@link #SPEED} times faster than the wall clock. */
    private static DrillClock fast(long originNanos) {
        Instant start = Instant.now();
        return new DrillClock() {
            @Override
            public long offsetMs() {
                return (System.nanoTime() - originNanos) * SPEED / 1_000_000;
            }

            @Override
            public Instant wallAt(long offsetMs) {
                return start.plusMillis(offsetMs);
            }
        };
    }

    /** One load second of ten status requests per drill second, all with the outcome for that second, until finished. */
    private static final class FakeLoad implements LoadDriver {
        private final WriteLedger ledger;
        private final Thread seconds;
        private volatile long sent;

        FakeLoad(DrillClock clock, Consumer<Event> history, LongFunction<Outcome> outcomes) {
            this.ledger = new WriteLedger(history);
            Histogram latency = new Histogram(3);
            latency.recordValueWithCount(12_000, 10);
            String histogram = HistogramCodec.encode(latency);
            seconds = new Thread(() -> {
                long next = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    if (clock.offsetMs() >= next + 1000) {
                        Outcome outcome = outcomes.apply(next);
                        history.accept(new Event.LoadSecond(next, "status", outcome, 10, 12_000, 12_000, 12_000, 12_000,
                                outcome.ok() ? histogram : null));
                        sent += 10;
                        next += 1000;
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "fake-load");
            seconds.setDaemon(true);
            seconds.start();
        }

        @Override
        public Optional<String> awaitReady(Duration limit) {
            return Optional.empty();
        }

        @Override
        public void go() {
            // its seconds follow the drill clock, which starts on go
        }

        @Override
        public boolean failed() {
            return false;
        }

        @Override
        public long requests() {
            return sent;
        }

        @Override
        public WriteLedger ledger() {
            return ledger;
        }

        @Override
        public String finish(Duration wait) {
            seconds.interrupt();
            return "fake load: " + sent + " requests";
        }
    }
}
