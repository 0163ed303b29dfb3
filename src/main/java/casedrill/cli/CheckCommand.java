package casedrill.cli;

import casedrill.check.CheckResult;
import casedrill.check.Checker;
import casedrill.check.Checkers;
import casedrill.check.Definitions;
import casedrill.check.Targets;
import casedrill.check.Verdict;
import casedrill.history.History;
import casedrill.history.HistoryReader;
import casedrill.outcome.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Re-runs the checkers on a recorded history: verdicts can always be rebuilt from the history alone. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run the checkers on a drill history (JSON lines) and print one verdict per target.")
public final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "HISTORY", arity = "0..1", description = "history.jsonl of a drill")
    Path history;

    @Option(names = "--rto", paramLabel = "DURATION", description = "max recovery time, e.g. 30s")
    String rto;

    @Option(names = "--rpo", paramLabel = "DURATION", description = "max data-loss window; 0s = nothing lost")
    String rpo;

    @Option(names = "--error-budget", paramLabel = "RATIO", description = "max failed/total over the drill, e.g. 0.01")
    Double errorBudget;

    @Option(names = "--failed-requests", paramLabel = "N", description = "max count of failed requests over the drill, e.g. 0")
    Long failedRequests;

    @Option(names = "--error-budget-disruption", paramLabel = "RATIO", description = "max failed/total in disruptions")
    Double errorBudgetInDisruption;

    @Option(names = "--p99", paramLabel = "PHASE=DURATION", description = "max p99 per phase (baseline, disruption, recovered)")
    Map<String, String> p99 = new LinkedHashMap<>();

    @Option(names = "--checkers", split = ",", paramLabel = "NAME", description = "checkers to run (default: all)")
    List<String> checkers;

    @Option(names = "--definitions", description = "print the measurement definitions and exit")
    boolean definitions;

    @Override
    public Integer call() {
        if (definitions) {
            System.out.print(Definitions.markdown());
            return ExitCode.OK.code();
        }
        if (history == null || !Files.isRegularFile(history)) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "history file '" + history + "' does not exist.");
        }
        Targets targets = targets();
        History events;
        try {
            events = HistoryReader.read(history);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, e.getMessage());
        }
        List<Checker> selected;
        try {
            selected = (checkers == null ? defaultCheckers(events) : checkers).stream().map(Checkers::byName).toList();
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "--checkers: " + e.getMessage() + ".");
        }
        List<CheckResult> results = Checkers.run(selected, events, targets);
        for (CheckResult r : results) {
            System.out.printf(Locale.ROOT, "%-7s %-13s %-22s %s%n", r.verdict(), r.checker(), casedrill.report.MeasuredText.of(r.measured()), r.explanation());
        }
        Verdict overall = Checkers.overall(results);
        System.out.println("overall: " + overall);
        return switch (overall) {
            case PASS -> ExitCode.OK.code();
            case FAIL -> ExitCode.TARGET_MISSED.code();
            case UNKNOWN -> ExitCode.INCONCLUSIVE.code();
        };
    }

    /**
     * Every checker, except the failed-requests count without {@code --failed-requests} and the runbook checker on
     * a history without runbook steps: those have nothing to judge and would only make the overall verdict UNKNOWN.
     */
    private List<String> defaultCheckers(History events) {
        boolean runbook = events.all(casedrill.history.Event.RunbookStepStarted.class).findAny().isPresent()
                || events.all(casedrill.history.Event.RunbookStep.class).findAny().isPresent();
        return Checkers.names().stream()
                .filter(n -> !n.equals(casedrill.check.FailedRequestsChecker.NAME) || failedRequests != null)
                .filter(n -> !n.equals(casedrill.check.RunbookChecker.NAME) || runbook).toList();
    }

    private Targets targets() {
        Map<String, Duration> limits = new LinkedHashMap<>();
        p99.forEach((phase, d) -> limits.put(phase, duration("--p99 " + phase, d)));
        try {
            return Targets.none()
                    .withRto(rto == null ? null : duration("--rto", rto))
                    .withRpo(rpo == null ? null : duration("--rpo", rpo))
                    .withErrorRates(errorBudget, errorBudgetInDisruption)
                    .withP99(limits)
                    .withMaxFailedRequests(failedRequests);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, e.getMessage() + ".");
        }
    }

    /** Accepts 250ms, 30s, 5m, 1h. */
    static Duration duration(String option, String text) {
        var m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(text.trim());
        if (!m.matches()) {
            throw new UserFacingException(ExitCode.INVALID_INPUT,
                    option + ": '" + text + "' is not a duration (use e.g. 250ms, 30s, 5m, 1h).");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
