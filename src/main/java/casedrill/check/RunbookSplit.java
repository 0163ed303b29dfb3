package casedrill.check;

import casedrill.history.Event;
import casedrill.history.History;
import casedrill.notation.Durations;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a runbook's recovery time went. T0 is the fault of the disruption in progress when the runbook started, else
 * the runbook's start (a disruption in which nothing failed, RTO 0, does not count); detect = T0 → end of the last
 * detect step; decide = → end of the last decide step; act = → T_recovered of that disruption, or of the one the
 * runbook's first act step opened (a planned switchover's blip), or → the runbook's end when nothing failed.
 *
 * @param startMs     T0
 * @param fromFault   whether T0 is a fault (true) or the runbook's start (false)
 * @param actMs       empty when the disruption never recovered or the runbook did not complete
 * @param outcome     completed, failed, interrupted, or running (no runbook_ended: the drill was cut short)
 * @param failedStep  the step that stopped the runbook, or null
 */
public record RunbookSplit(String runbook, long startMs, boolean fromFault, long detectMs, long decideMs, OptionalLong actMs,
                           String outcome, String failedStep) {
    /** Faults and the runbook scheduled at the same offset start on different threads, a few ms apart. */
    static final long SAME_MOMENT_MS = 1_000;

    public boolean completed() {
        return "completed".equals(outcome);
    }

    /** Empty when the history holds no runbook. */
    public static Optional<RunbookSplit> of(History history, RecoveryCriteria criteria) {
        Optional<Event.RunbookStarted> started = history.first(Event.RunbookStarted.class);
        if (started.isEmpty()) {
            return Optional.empty();
        }
        long runbookStart = started.get().offsetMs();
        Optional<Event.RunbookEnded> ended = history.first(Event.RunbookEnded.class);
        List<Event.RunbookStep> steps = history.all(Event.RunbookStep.class).toList();
        long firstAct = steps.stream().filter(s -> "act".equals(s.phase())).mapToLong(Event::offsetMs).min().orElse(Long.MAX_VALUE);
        List<Disruption> failing = RecoveryTimeChecker.measure(history, criteria).values().stream().flatMap(List::stream)
                .filter(d -> d.recoveredMs().isEmpty() || (d.rtoMs() > 0 && d.recoveredMs().getAsLong() > runbookStart))
                .toList();
        List<Disruption> byFault = failing.stream().filter(d -> d.faultMs() <= runbookStart + SAME_MOMENT_MS).toList();
        // without a fault in progress, the runbook's own act may have caused one (a planned switchover's blip)
        List<Disruption> current = byFault.isEmpty() ? failing.stream().filter(d -> d.faultMs() == firstAct).toList() : byFault;
        boolean fromFault = !byFault.isEmpty();
        long t0 = byFault.stream().mapToLong(Disruption::faultMs).min().orElse(runbookStart);
        long detectEnd = Math.max(t0, lastEnd(steps, "detect").orElse(t0));
        long decideEnd = Math.max(detectEnd, lastEnd(steps, "decide").orElse(detectEnd));
        OptionalLong end;
        String outcome = ended.map(Event.RunbookEnded::outcome).orElse("running");
        if (!"completed".equals(outcome)) {
            end = OptionalLong.empty();
        } else if (!current.isEmpty()) {
            end = current.stream().allMatch(Disruption::recovered)
                    ? OptionalLong.of(current.stream().mapToLong(d -> d.faultMs() + d.rtoMs()).max().orElse(t0))
                    : OptionalLong.empty();
        } else {
            end = OptionalLong.of(ended.get().offsetMs());
        }
        OptionalLong act = end.isPresent() ? OptionalLong.of(Math.max(0, end.getAsLong() - decideEnd)) : OptionalLong.empty();
        return Optional.of(new RunbookSplit(started.get().runbook(), t0, fromFault, detectEnd - t0, decideEnd - detectEnd, act,
                outcome, ended.map(Event.RunbookEnded::failedStep).orElse(null)));
    }

    private static Optional<Long> lastEnd(List<Event.RunbookStep> steps, String phase) {
        return steps.stream().filter(s -> phase.equals(s.phase())).map(s -> s.offsetMs() + s.durationMs()).max(Long::compare);
    }

    /** The outcome and the split as numbers. */
    public Measured.Runbook measured() {
        return new Measured.Runbook(outcome, failedStep, detectMs / 1000.0, decideMs / 1000.0,
                actMs.isPresent() ? actMs.getAsLong() / 1000.0 : null);
    }

    /** "detect 1.20 s, decide 10.00 s, act 4.10 s". */
    public String describe() {
        return "detect " + Durations.seconds(detectMs) + ", decide " + Durations.seconds(decideMs) + ", act "
                + (actMs.isPresent() ? Durations.seconds(actMs.getAsLong()) : "-");
    }
}
