package casedrill.drill;

import casedrill.check.SteadyStateRule;
import casedrill.fault.ActiveFaults;
import casedrill.fault.FaultContext;
import casedrill.fault.JsonHttp;
import casedrill.fault.LeaseFile;
import casedrill.fault.StackNodeOperations;
import casedrill.history.Event;
import casedrill.history.History;
import casedrill.history.HistoryReader;
import casedrill.history.HistoryWriter;
import casedrill.history.StartingClock;
import casedrill.load.LoadStop;
import casedrill.outcome.ExitCode;
import casedrill.probe.Tokens;
import casedrill.report.DrillResult;
import casedrill.scenario.Scenario;
import casedrill.stack.Credentials;
import casedrill.stack.HostPort;
import casedrill.stack.RunningStack;
import casedrill.stack.StackLayout;
import casedrill.stack.StackProvider;
import casedrill.stack.StackStatus;
import casedrill.toxiproxy.ToxiproxyClients;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs one drill through its phases (see {@link Phase}): stack up or attach, health, load and probes,
 * the steady state under load, the fault timeline, observation, heal, settle, reconcile, check,
 * results, stack down. Every active fault is healed on every way out: normal end, abort, exception,
 * and JVM shutdown (Ctrl-C, SIGTERM): its shutdown hook asks the drill to end ({@link DrillInterruption}), which then
 * leaves the ordinary way, INCONCLUSIVE with its results written; the lease file covers SIGKILL.
 */
public final class DrillRunner {
    /** Right after start-up the routers' health checks need a few seconds to agree on the primary. */
    private static final Duration HEALTHY_BEFORE = Duration.ofSeconds(30);
    /** How long a shutdown hook waits for the drill to heal and write its results before healing by itself. */
    private static final Duration ORDERLY_END_LIMIT = Duration.ofSeconds(45);

    private final Scenario scenario;
    private final DrillOptions options;
    private final PrintStream out;
    private final JsonHttp http = JsonHttp.standard();
    private final PhaseMachine machine;
    private final DrillRecord record;
    private final DrillCollaborators with;
    private final DrillInterruption interruption = new DrillInterruption();
    private RunningStack stack;
    private HistoryWriter writer;
    private ActiveFaults active;
    private LoadDriver load;
    private ProgressLine progress;
    private RunbookRun runbook;
    private InfrastructureWatch watch;
    private ClusterSampler sampler;
    private ObserverRun observer;

    public DrillRunner(Scenario scenario, DrillOptions options, PrintStream out) {
        this(scenario, options, out, DrillCollaborators.standard());
    }

    DrillRunner(Scenario scenario, DrillOptions options, PrintStream out, DrillCollaborators with) {
        this.with = with;
        this.scenario = scenario;
        this.options = options;
        this.out = out;
        this.record = new DrillRecord(scenario, RunFolder.create(options.reportsRoot(), scenario.id(), java.time.Instant.now()),
                options.release());
        this.machine = new PhaseMachine(this::entered);
    }

    public Path runFolder() {
        return record.folder().dir();
    }

    /** Runs the drill and returns its result (already written to the run folder). */
    public DrillResult run() {
        out.println("drill " + scenario.id() + ": results in " + runFolder());
        DrillEnding ending = null;
        Thread hook = new Thread(this::terminated, "drill-terminated");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            ending = prepare();
            if (ending == null) {
                ending = drive();
            }
            return finish(ending);
        } finally {
            interruption.ended();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it healed
            }
        }
    }

    private DrillEnding prepare() {
        machine.enter(Phase.STACK_UP);
        StackProvider provider;
        try {
            provider = with.providers().apply(providerName(scenario, options));
        } catch (IllegalArgumentException e) {
            return new DrillEnding(ExitCode.INVALID_INPUT, e.getMessage());
        }
        record.provider(provider);
        try {
            stack = options.attach() != null ? provider.attach(options.attach())
                    : provider.up(StackLayout.of(scenario.topology()),
                    options.stack().withVariant(scenario.stack().variant()).withAddressShift(options.addressShift()));
        } catch (RuntimeException e) {
            return DrillEnding.harnessError("the stack did not come up: " + e.getMessage());
        }
        if (options.attach() != null) {
            var mismatch = ScenarioVariant.mismatch(scenario, stack.id(), stack.variant());
            if (mismatch.isPresent()) {
                // Not ours to take down: forget it so finish() leaves it running and copies no logs.
                stack = null;
                return new DrillEnding(ExitCode.INVALID_INPUT, mismatch.get());
            }
        }
        record.stack(stack, StackComponents.of(stack, http), options);
        machine.enter(Phase.STEADY_STATE);
        StackStatus status = StackHealth.await(stack, HEALTHY_BEFORE);
        if (!status.allHealthy()) {
            List<String> sick = status.nodes().stream().filter(n -> !n.healthy()).map(n -> n.name() + " (" + n.health() + ")").toList();
            return DrillEnding.inconclusive("the stack is not healthy before the drill, so nothing was injected: " + String.join(", ", sick));
        }
        if (interruption.requested().isPresent()) {
            return DrillEnding.inconclusive(interruption.requested().get());
        }
        if (options.attach() == null) {
            DrillEnding cold = warmUp();
            if (cold != null) {
                return cold;
            }
        }
        return RunbookMode.applies(scenario) ? RunbookMode.pausePatroni(stack) : null;
    }

    /** Warms the stack this drill started (StackWarmup); the ending when it never answered as a warm stack would. */
    private DrillEnding warmUp() {
        StackWarmup.Outcome warmed = with.warmer().warm(stack, scenario, "warmup-" + record.folder().runId(),
                () -> interruption.requested().isPresent());
        out.println("warm-up: " + warmed.describe());
        record.prelude("warmup", warmed.describe());
        if (interruption.requested().isPresent()) {
            return DrillEnding.inconclusive(interruption.requested().get());
        }
        return warmed.warm() ? null : DrillEnding.inconclusive(warmed.describe() + ", so nothing was injected");
    }

    /** Load, steady state, timeline, observation; always leaves through HEAL. */
    private DrillEnding drive() {
        machine.enter(Phase.LOAD);
        StartingClock clock = new StartingClock(with.clocks());
        // a second's load counts are written once the request timeout plus 2 s have passed after it (RequestRecorder)
        LiveStats stats = new LiveStats(TargetPlan.criteria(scenario), scenario.load().timeout().plusSeconds(3));
        AbortWatch abort = new AbortWatch(scenario.abort(), clock::offsetMs);
        writer = new HistoryWriter(record.folder().history(), clock);
        Consumer<Event> history = e -> {
            try {
                writer.append(e);
            } catch (IllegalStateException closed) {
                // A load run ended early may still complete requests after the history is closed: they are past the drill.
                return;
            }
            stats.accept(e);
            abort.accept(e);
        };
        HostPort api = stack.toxiproxyApi();
        ToxiproxyClient toxiproxy = ToxiproxyClients.connect(api.host(), api.port());
        active = new ActiveFaults(new LeaseFile(runFolder()), stack.ref(), api.toString(), history, clock);
        FaultContext ctx = new FaultContext(toxiproxy, new StackNodeOperations(stack), http, name -> active.heal(name));
        watch = InfrastructureWatch.ofStack(api.toString(), stack, clock::offsetMs, failure -> {
            history.accept(new Event.InfrastructureFailed(failure.sinceMs(), failure.component().name(), failure.component().address(),
                    failure.reason(), active.active()));
            record.note(failure.sinceMs(), "infrastructure_failed", failure.describe());
        }).start(Duration.ofSeconds(1));
        LoadStart loadStart = new LoadStart(clock, record, writer, scenario.id(), options.prepared());
        DrillWait wait = new DrillWait(clock, abort, watch, writer, interruption, () -> narration());
        Credentials c = stack.credentials();
        DrillEnding ending = null;
        AtomicBoolean runbookFailed = new AtomicBoolean();
        long endMs = scenario.duration().toMillis();
        try {
            load = with.loads().start(scenario, stack.edgeUrl(), new Tokens(c.clientToken(), c.officerToken(), c.partnerToken()),
                    clock, history, runFolder().resolve("gatling"), record.folder().runId());
            Optional<String> notReady = loadStart.go(load);
            observer = ObserverRun.start(stack, clock, runFolder(), record.folder().runId());
            var rate = ProgressLine.rate(load::requests, clock::offsetMs);
            progress = new ProgressLine(out, System.console() != null, () -> ProgressLine.format(machine.current().label(),
                    clock.offsetMs(), endMs, stats.currentFault(), rate.get(), stats.errorRate(), stats.probes(),
                    stats.rtoClock(clock.offsetMs())));
            ending = notReady.map(DrillEnding::harnessError).orElseGet(() -> wait.until(scenario.steadyStateEnd().toMillis()));
            if (ending == null) {
                SteadyStateRule rule = TargetPlan.steadyStateRule(scenario);
                long from = scenario.steadyStateStart().toMillis();
                long to = scenario.steadyStateEnd().toMillis();
                history.accept(new Event.SteadyStateJudged(clock.offsetMs(), from, to, rule.minSuccessRatio(), rule.maxP95Ms(),
                        rule.maxP99Ms()));
                writer.flush();
                SteadyStateRule.Finding gate = rule.judge(HistoryReader.read(writer.file()), from, to);
                progress.message("steady state: " + gate.describe());
                record.note(clock.offsetMs(), "steady_state", gate.describe() + gate.refusal().map(r -> ": refused, " + r).orElse(": met"));
                ending = gate.refusal().map(r -> DrillEnding.inconclusive("steady state not reached, so nothing was injected: " + r))
                        .orElse(null);
            }
            if (ending == null) {
                sampler = new ClusterSampler(StackClusterView.of(stack), clock::offsetMs, history).start(Duration.ofSeconds(1));
            }
            if (ending == null && RunbookMode.applies(scenario)) {
                // a failed step stops the runbook and heals every active fault at once
                runbook = RunbookMode.start(scenario, options.interactive(), stack, clock, history, progress::message, progress,
                        failed -> {
                    runbookFailed.set(true);
                    record.note(clock.offsetMs(), "runbook", failed.describe());
                    List<String> failures = active.healAll();
                    progress.message("runbook failed, active faults healed" + (failures.isEmpty() ? "" : ": " + String.join("; ", failures)));
                });
            }
            if (ending == null) {
                machine.enter(Phase.FAULTS);
                ending = FaultTimeline.run(FaultSchedule.of(scenario), runbookFailed::get,
                        new TimelineActions(wait, clock, active, with.faults(), ctx, narration(), record, endMs));
            }
            if (ending == null) {
                machine.enter(Phase.OBSERVE);
                ending = wait.until(endMs);
            }
        } catch (RuntimeException e) {
            // An injection that failed because the infrastructure did is reported as the infrastructure's failure.
            ending = watch.confirm(Duration.ofSeconds(1)).isPresent() ? null
                    : DrillEnding.harnessError("harness error during " + machine.current().label() + ": " + e.getMessage());
        } finally {
            loadStart.startClock();
            // The observation ends now: checkers take drill_ended as the end, whatever finishing the load takes.
            long endedMs = clock.offsetMs();
            watch.close();
            if (sampler != null) {
                sampler.close();
            }
            var infrastructure = watch.failure();
            if (infrastructure.isPresent()) {
                ending = DrillEnding.infrastructureFailed(infrastructure.get(), List.of());
            }
            if (observer != null) {
                observer.stop();
            }
            if (runbook != null) {
                runbook.stop(Duration.ofSeconds(10));
            }
            machine.enter(Phase.HEAL);
            if (progress != null) {
                progress.close();
            }
            if (ending != null) {
                // An aborted or failed drill must not keep loading the system it stopped for.
                LoadStop.request(ending.reason());
            }
            String gatling = load == null ? "no load ran" : load.finish(ending == null ? Duration.ofSeconds(30) : Duration.ofSeconds(10));
            writer.append(new Event.DrillEnded(endedMs, ending == null ? "completed" : "aborted: " + ending.reason()));
            out.println(gatling);
            if (load != null && load.failed() && ending == null) {
                ending = DrillEnding.harnessError("the load generator failed, so the drill's measurements are incomplete: " + gatling);
            }
            List<String> failures = new java.util.ArrayList<>(RunbookMode.applies(scenario) ? RunbookMode.resumePatroni(stack) : List.of());
            failures.addAll(active.healAll());
            if (infrastructure.isPresent()) {
                ending = DrillEnding.infrastructureFailed(infrastructure.get(), active.active());
                active.active().forEach(f -> record.note(clock.offsetMs(), "unhealed", f + " is still active: its heal failed (see lease.json)"));
            }
            if (!failures.isEmpty() && ending == null) {
                ending = DrillEnding.harnessError(String.join("; ", failures));
            }
        }
        return ending;
    }

    private DrillNarration narration() {
        return progress::message;
    }

    /** Settle, reconcile, check, results, stack down. */
    private DrillResult finish(DrillEnding ending) {
        List<DrillResult.TargetResult> targets = List.of();
        if (ending == null) {
            machine.enter(Phase.SETTLE);
            settle();
            machine.enter(Phase.RECONCILE);
            try {
                LedgerReconciliation.run(stack, load.ledger(), record.offsetNow()).forEach(writer::append);
            } catch (RuntimeException e) {
                out.println("reconciliation failed: " + e.getMessage());
            }
            machine.enter(Phase.CHECK);
            writer.close();
            History history = HistoryReader.read(writer.file());
            targets = TargetPlan.of(scenario).check(history);
            if (observer != null) {
                ObserverCrossCheck.Outcome crossed = observer.judge(stack, scenario, history, targets, out);
                targets = crossed.targets();
                record.observer(crossed.observer());
            }
        } else if (writer != null) {
            writer.close();
        }
        machine.enter(Phase.RESULTS);
        DrillResult result = record.result(targets, ending, writer == null ? null : writer.file());
        if (stack != null) {
            record.copyLogs(stack);
        }
        if (stack != null && options.attach() == null && !options.keepStack()) {
            machine.enter(Phase.STACK_DOWN);
            stack.down(false);
        }
        machine.enter(Phase.DONE);
        return result;
    }

    private void settle() {
        if (!StackHealth.await(stack, options.settleTimeout()).allHealthy()) {
            out.println("the stack was not all healthy " + options.settleTimeout().toSeconds() + " s after heal; reconciling anyway");
        }
    }

    private void entered(Phase phase) {
        record.phase(phase);
        if (writer != null && phase != Phase.LOAD) {
            try {
                writer.append(new Event.PhaseStarted(writer.clock().offsetMs(), phase.label()));
            } catch (IllegalStateException closed) {
                // after CHECK the history is closed; later phases are in the run's timeline only
            }
        }
        if (progress == null || phase.ordinal() >= Phase.HEAL.ordinal()) {
            out.println("phase: " + phase.label());
        }
    }

    /**
     * What the shutdown hook does on SIGTERM or Ctrl-C: asks the drill to end and waits for its ordinary heal and
     * results; when the drill does not end in time (stuck starting the stack or the load), heals by itself.
     */
    void terminated() {
        if (!interruption.request("interrupted: the harness was asked to stop (SIGTERM or Ctrl-C)", ORDERLY_END_LIMIT)) {
            emergencyHeal();
        }
    }

    /** Heal whatever is active, keep the history, take down a stack this run started. */
    private void emergencyHeal() {
        // As at a normal end: Patroni leaves maintenance mode first, so an attached stack fails over by itself again.
        if (stack != null && RunbookMode.applies(scenario)) {
            RunbookMode.resumePatroni(stack).forEach(System.err::println);
        }
        if (active != null) {
            List<String> failures = active.healAll();
            System.err.println("drill interrupted: active faults healed" + (failures.isEmpty() ? "" : "; " + failures));
        }
        if (writer != null) {
            try {
                writer.flush();
            } catch (RuntimeException e) {
                // closed already
            }
        }
        if (stack != null && options.attach() == null && !options.keepStack()) {
            stack.down(false);
        }
    }

    /** The provider that runs this drill's stack: the command line's, else the scenario's. */
    static String providerName(Scenario scenario, DrillOptions options) {
        return options.provider() != null ? options.provider() : scenario.stack().provider();
    }

    /** Exit code of a finished drill. */
    public static int exitCode(DrillResult result) {
        return result.exitCode();
    }

    static ExitCode exitOf(String verdict) {
        return switch (verdict) {
            case "PASS" -> ExitCode.OK;
            case "FAIL" -> ExitCode.TARGET_MISSED;
            default -> ExitCode.INCONCLUSIVE;
        };
    }
}
