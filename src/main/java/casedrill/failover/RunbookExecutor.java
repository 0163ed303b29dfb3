package casedrill.failover;

import casedrill.history.DrillClock;
import casedrill.history.Event;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Executes a runbook's steps in order, each timed and recorded in the history (started, then ended with its
 * outcome and an output excerpt). The first failed step stops the runbook; the caller heals and reports.
 */
public final class RunbookExecutor {
    private final Map<RunbookStep.Kind, StepAction> actions = new EnumMap<>(RunbookStep.Kind.class);
    private final DrillClock clock;
    private final Consumer<Event> history;
    private final Excerpt excerpt;
    private final Consumer<String> progress;

    public RunbookExecutor(RunbookHosts hosts, Operator operator, DrillClock clock, Consumer<Event> history, Consumer<String> progress) {
        HttpCall http = new HttpCall(hosts);
        SqlQuery sql = new SqlQuery(hosts);
        actions.put(RunbookStep.Kind.HTTP, http);
        actions.put(RunbookStep.Kind.SQL, sql);
        actions.put(RunbookStep.Kind.AWAIT, new AwaitCondition(http, sql));
        actions.put(RunbookStep.Kind.COMMAND, new CommandRun(hosts));
        actions.put(RunbookStep.Kind.MANUAL, new ManualAck(operator));
        this.clock = clock;
        this.history = history;
        this.excerpt = new Excerpt(hosts.secrets());
        this.progress = progress;
    }

    /** Runs every step until one fails or the thread is interrupted (the drill ended); never throws for a step's failure. */
    public RunbookOutcome execute(Runbook runbook) {
        history.accept(new Event.RunbookStarted(clock.offsetMs(), runbook.id(), runbook.steps().size()));
        for (RunbookStep step : runbook.steps()) {
            String phase = step.phase().name().toLowerCase(Locale.ROOT);
            long started = clock.offsetMs();
            history.accept(new Event.RunbookStepStarted(started, runbook.id(), step.name(), step.kind().name().toLowerCase(Locale.ROOT), phase));
            progress.accept(String.format(Locale.ROOT, "%.1f s: runbook step '%s'", started / 1000.0, step.name()));
            StepResult result;
            boolean interrupted = false;
            try {
                result = actions.get(step.kind()).run(step, step.timeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                interrupted = true;
                result = StepResult.failed("interrupted: the drill ended before the step did");
            } catch (RuntimeException e) {
                result = StepResult.failed("the step could not run: " + e.getMessage());
            }
            String text = excerpt.of(result.excerpt());
            history.accept(new Event.RunbookStep(started, runbook.id(), step.name(), result.ok() ? "ok" : "failed",
                    clock.offsetMs() - started, phase, text));
            if (interrupted) {
                return end(new RunbookOutcome(runbook.id(), RunbookOutcome.Status.INTERRUPTED, step.name(), "the drill ended"));
            }
            if (!result.ok()) {
                return end(new RunbookOutcome(runbook.id(), RunbookOutcome.Status.FAILED, step.name(), firstLine(text)));
            }
        }
        return end(new RunbookOutcome(runbook.id(), RunbookOutcome.Status.COMPLETED, null, null));
    }

    private RunbookOutcome end(RunbookOutcome outcome) {
        history.accept(new Event.RunbookEnded(clock.offsetMs(), outcome.runbook(), outcome.status().name().toLowerCase(Locale.ROOT),
                outcome.failedStep(), outcome.reason()));
        progress.accept(outcome.describe());
        return outcome;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
