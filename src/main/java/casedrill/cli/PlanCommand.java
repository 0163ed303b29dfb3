package casedrill.cli;

import casedrill.environment.Environment;
import casedrill.environment.EnvironmentPlanText;
import casedrill.fault.FaultRegistry;
import casedrill.stack.StackProvider;

import casedrill.drill.DrillPlan;
import casedrill.drill.PlanText;
import casedrill.outcome.ExitCode;
import casedrill.scenario.Scenario;
import casedrill.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Shows what a drill would do, touching nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show what a drill would do without touching anything: phases with times, each fault with the",
                "nodes and links it reaches, the expected load, targets and abort conditions.",
                "Exit 0, or 2 if the scenario is invalid."})
public final class PlanCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file.")
    Path file;

    @Mixin
    ProviderOption provider;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Scenario scenario = ScenarioLoader.load(file, FaultRegistry.ACTIONS);
        StackProvider stackProvider = provider.resolve(scenario.stack().provider());
        Environment env = stackProvider.name().equals(RunCommand.REMOTE) ? provider.environmentFor(stackProvider, scenario) : null;
        DrillPlan plan = DrillPlan.of(scenario, stackProvider);
        if (json) {
            spec.commandLine().getOut().println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(plan));
            spec.commandLine().getOut().flush();
        } else {
            PlanText.print(plan, spec.commandLine().getOut());
            if (env != null) {
                EnvironmentPlanText.print(env, spec.commandLine().getOut());
            }
        }
        return ExitCode.OK.code();
    }
}
