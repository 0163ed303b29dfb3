package casedrill.check;

import casedrill.history.History;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The checkers by name; runs a selection, turning a crash into UNKNOWN, and combines the verdicts. */
public final class Checkers {
    private static final Map<String, Supplier<Checker>> REGISTRY = new LinkedHashMap<>();

    static {
        register(SteadyStateChecker::new);
        register(RecoveryTimeChecker::new);
        register(RecoveryPointChecker::new);
        register(SplitBrainChecker::new);
        register(ErrorBudgetChecker::new);
        register(FailedRequestsChecker::new);
        register(LatencyChecker::new);
        register(RunbookChecker::new);
    }

    private Checkers() {}

    private static void register(Supplier<Checker> factory) {
        REGISTRY.put(factory.get().name(), factory);
    }

    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    public static Checker byName(String name) {
        Supplier<Checker> factory = REGISTRY.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown checker '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return factory.get();
    }

    public static List<CheckResult> run(List<Checker> checkers, History history, Targets targets) {
        List<CheckResult> results = new ArrayList<>();
        for (Checker checker : checkers) {
            results.add(runOne(checker, history, targets));
        }
        return results;
    }

    public static List<CheckResult> runAll(History history, Targets targets) {
        return run(REGISTRY.values().stream().map(Supplier::get).toList(), history, targets);
    }

    static CheckResult runOne(Checker checker, History history, Targets targets) {
        try {
            return checker.check(history, targets);
        } catch (RuntimeException e) {
            return CheckResult.unknown(checker.name(), "checker crashed: " + e);
        }
    }

    public static Verdict overall(List<CheckResult> results) {
        return results.stream().map(CheckResult::verdict).reduce(Verdict.PASS, Verdict::and);
    }
}
