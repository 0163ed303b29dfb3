package casedrill.gate;

import casedrill.drill.DrillOptions;
import casedrill.drill.DrillRunner;
import casedrill.report.DrillResult;
import casedrill.notation.Percentage;
import casedrill.scenario.Scenario;
import casedrill.scenario.ScenarioLoader;
import casedrill.scenario.Targets;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** The thin part of the gate: runs each scenario of a suite, one after the other, with the suite's target overrides. */
public final class SuiteRunner {
    private SuiteRunner() {
    }

    /** Scenario id → its run ({@code afterRun} completes each run's folder); a scenario whose drill could not even produce a result is left out (the gate says UNKNOWN). */
    public static Map<String, GateEvaluation.Run> run(Suite suite, DrillOptions options, PrintStream out,
                                                      java.util.function.Consumer<DrillResult> afterRun) {
        Map<String, GateEvaluation.Run> runs = new LinkedHashMap<>();
        for (Suite.Entry entry : suite.entries()) {
            Scenario scenario = withOverrides(ScenarioLoader.load(entry.scenarioFile()), entry.overrides());
            out.println("gate " + suite.id() + ": " + entry.scenarioId());
            try {
                DrillRunner runner = new DrillRunner(scenario, options, out);
                DrillResult result = runner.run();
                afterRun.accept(result);
                runs.put(entry.scenarioId(), new GateEvaluation.Run(runner.runFolder(), result));
            } catch (RuntimeException e) {
                out.println("gate " + suite.id() + ": " + entry.scenarioId() + " produced no result: " + e.getMessage());
            }
        }
        return runs;
    }

    static Scenario withOverrides(Scenario s, Suite.Overrides o) {
        if (!o.any()) {
            return s;
        }
        Targets t = s.targets();
        Targets targets = new Targets(o.rto().or(t::rto), o.rpo().or(t::rpo), o.errorBudgetPercent().map(Percentage::new).or(t::errorBudget),
                t.failedRequests(), t.splitBrainForbidden(), t.recovered());
        return new Scenario(s.id(), s.title(), s.description(), s.source(), s.sha256(), s.topology(), s.tags(), s.duration(), s.stack(),
                s.load(), s.probes(), s.steadyState(), s.faults(), s.failover(), targets, s.abort());
    }
}
