package casedrill.drill;

import casedrill.check.Definitions;
import casedrill.check.Verdict;
import casedrill.history.DrillClock;
import casedrill.history.Event;
import casedrill.history.HistoryReader;
import casedrill.report.DrillResult;
import casedrill.report.ObserverResult;
import casedrill.report.ResultFiles;
import casedrill.scenario.FailoverSpec;
import casedrill.scenario.Scenario;
import casedrill.stack.PreparedStack;
import casedrill.stack.RunningStack;
import casedrill.stack.StackOrigin;
import casedrill.stack.StackProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run remembers for its results: phases as they were entered (on one nanoTime base, so
 * those before the load get negative offsets), the stack it ran on, and, from the history, the
 * faults, heals and reconciliation. Builds and writes the {@link DrillResult}.
 */
final class DrillRecord {
    private final Scenario scenario;
    private final RunFolder folder;
    private final String release;
    private final Instant startedAt = Instant.now();
    private final long startedNanos = System.nanoTime();
    private final List<long[]> phaseNanos = new ArrayList<>();
    private final List<Phase> phases = new ArrayList<>();
    private final List<DrillResult.TimelineEntry> notes = new ArrayList<>();
    private final List<PreludeNote> prelude = new ArrayList<>();
    private DrillResult.Stack stack;
    private DrillClock clock;
    private long clockOriginNanos;
    private ObserverResult observer;
    private StackProvider provider;

    DrillRecord(Scenario scenario, RunFolder folder, String release) {
        this.scenario = scenario;
        this.folder = folder;
        this.release = release;
    }

    /** The provider the drill runs its stack on: the plan in the result says what it could cut exactly. */
    void provider(StackProvider chosen) {
        this.provider = chosen;
    }

    RunFolder folder() {
        return folder;
    }

    synchronized void phase(Phase phase) {
        phases.add(phase);
        phaseNanos.add(new long[] {System.nanoTime()});
    }

    void clock(DrillClock clock) {
        this.clock = clock;
        this.clockOriginNanos = System.nanoTime() - clock.offsetMs() * 1_000_000;
    }

    /** Something the history has no event for (the steady-state finding), on the drill clock. */
    synchronized void note(long offsetMs, String kind, String what) {
        notes.add(new DrillResult.TimelineEntry(offsetMs, clock.wallAt(offsetMs).toString(), kind, what));
    }

    /** Something that happened before the load (the warm-up): placed on the drill clock once it exists, like phases. */
    synchronized void prelude(String kind, String what) {
        prelude.add(new PreludeNote(System.nanoTime(), kind, what));
    }

    private record PreludeNote(long nanos, String kind, String what) {}

    /** The independent observer's figures, once set beside the verdicts. */
    void observer(ObserverResult figures) {
        this.observer = figures;
    }

    long offsetNow() {
        return clock.offsetMs();
    }

    /** The stack and where it came from: prepared (fresh or reused, with its baseline), attached as it was, or started here. */
    void stack(RunningStack running, Map<String, String> components, DrillOptions options) {
        FailoverSpec f = scenario.failover();
        PreparedStack prepared = options.prepared();
        StackOrigin origin = prepared != null ? prepared.origin() : options.attach() != null ? StackOrigin.ATTACHED : StackOrigin.FRESH;
        stack = new DrillResult.Stack(running.id(), running.layout().topology(), running.variant().label(),
                f.mode() == FailoverSpec.Mode.AUTOMATIC ? "automatic" : "runbook", components, origin,
                prepared == null ? null : prepared.baseline(), prepared == null ? null : prepared.rejected(),
                running.ref().provider(), images(running));
    }

    /** What the stack's nodes run, asked once; a provider that cannot answer is recorded as "unknown" with why, not failing the drill. */
    private static Map<String, String> images(RunningStack running) {
        try {
            return running.images();
        } catch (RuntimeException e) {
            return Map.of("unknown", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    void copyLogs(RunningStack running) {
        running.collectLogs(folder.dir());
    }

    DrillResult result(List<DrillResult.TargetResult> judged, DrillEnding ending, Path history) {
        List<DrillResult.TargetResult> targets = judged;
        if (ending != null) {
            targets = TargetPlan.of(scenario).items().stream().map(i -> new DrillResult.TargetResult(i.name(), i.checker().name(),
                    i.demanded(), Verdict.UNKNOWN, null, "not judged: " + ending.reason())).toList();
        }
        Verdict verdict = targets.stream().map(DrillResult.TargetResult::verdict).reduce(Verdict.PASS, Verdict::and);
        if (ending != null) {
            verdict = Verdict.UNKNOWN;
        }
        int exit = ending != null ? ending.exit().code() : DrillRunner.exitOf(verdict.name()).code();
        String reason = ending != null ? ending.reason() : switch (verdict) {
            case PASS -> "every target was met";
            case FAIL -> "target(s) missed: " + names(targets, Verdict.FAIL);
            case UNKNOWN -> "inconclusive: " + names(targets, Verdict.UNKNOWN) + " could not be judged";
        };
        Instant end = Instant.now();
        DrillResult result = new DrillResult(DrillResult.SCHEMA_VERSION, folder.runId(), release,
                new DrillResult.Scenario(scenario.id(), scenario.title(), scenario.source().toString(), scenario.sha256(),
                        scenario.duration().toMillis()),
                stack, startedAt.toString(), end.toString(), (System.nanoTime() - startedNanos) / 1_000_000,
                (provider != null ? DrillPlan.of(scenario, provider)
                        : DrillPlan.of(scenario, sites -> Optional.of("no stack provider was chosen"))).timeline(), timeline(history), targets, verdict, exit, reason,
                Definitions.markdown(), observer);
        ResultFiles.write(folder.dir(), result);
        return result;
    }

    private static String names(List<DrillResult.TargetResult> targets, Verdict verdict) {
        return String.join(", ", targets.stream().filter(t -> t.verdict() == verdict).map(DrillResult.TargetResult::name).toList());
    }

    private synchronized List<DrillResult.TimelineEntry> timeline(Path history) {
        long origin = clock != null ? clockOriginNanos : startedNanos;
        Instant originWall = clock != null ? clock.wallAt(0) : startedAt;
        List<DrillResult.TimelineEntry> entries = new ArrayList<>(notes);
        for (int i = 0; i < phases.size(); i++) {
            long offset = (phaseNanos.get(i)[0] - origin) / 1_000_000;
            entries.add(new DrillResult.TimelineEntry(offset, originWall.plusMillis(offset).toString(), "phase_started",
                    phases.get(i).label()));
        }
        for (PreludeNote p : prelude) {
            long offset = (p.nanos() - origin) / 1_000_000;
            entries.add(new DrillResult.TimelineEntry(offset, originWall.plusMillis(offset).toString(), p.kind(), p.what()));
        }
        if (history != null && Files.isRegularFile(history)) {
            for (Event e : HistoryReader.read(history).events()) {
                String what = describe(e);
                if (what != null) {
                    entries.add(new DrillResult.TimelineEntry(e.offsetMs(), originWall.plusMillis(e.offsetMs()).toString(), e.type(), what));
                }
            }
        }
        entries.sort(Comparator.comparingLong(DrillResult.TimelineEntry::offsetMs));
        return entries;
    }

    private static String describe(Event e) {
        if (e instanceof Event.FaultInjected f) {
            return f.fault() + " " + f.target();
        } else if (e instanceof Event.FaultHealed h) {
            return h.fault() + " " + h.target();
        } else if (e instanceof Event.HealFailed h) {
            return h.fault() + " " + h.target() + ": " + h.reason();
        } else if (e instanceof Event.DrillStarted s) {
            return "scenario " + s.scenario();
        } else if (e instanceof Event.BaselineVerified b) {
            return (b.passed() ? "baseline verified" : "baseline NOT verified") + " on " + b.origin() + " stack " + b.stack()
                    + " in " + casedrill.notation.Durations.seconds(b.tookMs()) + ": " + b.repairs().size() + " repairs"
                    + (b.replacedStack() == null ? "" : ", replacing " + b.replacedStack());
        } else if (e instanceof Event.DrillEnded d) {
            return d.reason();
        } else if (e instanceof Event.Reconciled r) {
            return r.acknowledged() + " acknowledged writes: " + r.intact() + " intact, " + r.lost() + " lost, " + r.altered()
                    + " altered, " + r.inDoubtPresent() + " in doubt present, " + r.inDoubtAbsent() + " in doubt absent, "
                    + r.duplicated() + " duplicated (primary timeline " + r.timeline() + ")";
        }
        return null;
    }
}
