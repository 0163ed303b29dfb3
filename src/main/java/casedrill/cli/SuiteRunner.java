package casedrill.cli;

import casedrill.drill.DrillOptions;
import casedrill.drill.DrillRunner;
import casedrill.drill.StackPool;
import casedrill.fault.FaultRegistry;
import casedrill.gate.GateEvaluation;
import casedrill.gate.Suite;
import casedrill.report.DrillResult;
import casedrill.scenario.Scenario;
import casedrill.scenario.ScenarioLoader;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The thin part of the gate: runs each scenario of a suite, one after the other, with the suite's target overrides.
 * It drives the runner, so it lives with the commands; the gate itself stays a pure function of result.json files.
 */
final class SuiteRunner {
    private SuiteRunner() {
    }

    /** Scenario id → its run ({@code afterRun} completes each run's folder); a scenario whose drill could not even produce a result is left out (the gate says UNKNOWN). */
    static Map<String, GateEvaluation.Run> run(Suite suite, DrillOptions options, PrintStream out,
                                               java.util.function.Consumer<DrillResult> afterRun) {
        return run(suite, options, null, out, afterRun);
    }

    /**
     * With a pool, the suite's drills share one stack per kind of drill, reset and verified before each; without, each
     * drill starts and stops its own.
     */
    static Map<String, GateEvaluation.Run> run(Suite suite, DrillOptions options, StackPool pool, PrintStream out,
                                               java.util.function.Consumer<DrillResult> afterRun) {
        Map<String, GateEvaluation.Run> runs = new LinkedHashMap<>();
        for (Suite.Entry entry : suite.entries()) {
            Scenario scenario = entry.overrides().applyTo(ScenarioLoader.load(entry.scenarioFile(), FaultRegistry.ACTIONS));
            out.println("gate " + suite.id() + ": " + entry.scenarioId());
            try {
                DrillRunner runner = new DrillRunner(scenario, pool == null ? options : pool.prepare(scenario, options), out);
                DrillResult result = runner.run();
                afterRun.accept(result);
                runs.put(entry.scenarioId(), new GateEvaluation.Run(runner.runFolder(), result));
            } catch (RuntimeException e) {
                out.println("gate " + suite.id() + ": " + entry.scenarioId() + " produced no result: " + e.getMessage());
            }
        }
        return runs;
    }
}
