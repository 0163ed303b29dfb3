package casedrill.cli;

import casedrill.drill.ReuseOrder;
import casedrill.fault.FaultRegistry;
import casedrill.outcome.ExitCode;
import casedrill.report.CatalogueTable;
import casedrill.report.DrillResult;
import casedrill.report.ResultJson;
import casedrill.scenario.Scenario;
import casedrill.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The catalogue's standing from the newest run of each scenario, as a Markdown table. */
@Command(name = "catalogue", mixinStandardHelpOptions = true,
        description = {"Print a Markdown table of each scenario's newest run: verdict, whether it is the expected one (PASS, or",
                "FAIL for scenarios tagged expected-fail, either for known-bug), measured RTO, RPO and error budget. `make drill-all` ends with it.",
                "Exit 0 every scenario stands as expected, 1 a verdict is contrary to its expectation, 3 a scenario has no run",
                "or an inconclusive one, 2 invalid input."})
public final class CatalogueCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files.")
    List<Path> scenarios;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports", description = "Reports folder (default: ${DEFAULT-VALUE}).")
    Path reports;

    @Option(names = "--run-order", description = {"Print the scenario files, one per line, in the order `make drill-all` runs them:",
            "drills on the same kind of stack (provider, topology, database variant) one after another, so that run --reuse",
            "keeps one stack per kind instead of starting another at every change of kind. No table; exit 0."})
    boolean runOrder;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (runOrder) {
            List<ReuseOrder.Entry<Path>> loaded = scenarios.stream()
                    .map(file -> new ReuseOrder.Entry<>(file, ScenarioLoader.load(file, FaultRegistry.ACTIONS))).toList();
            PrintWriter out = spec.commandLine().getOut();
            ReuseOrder.order(loaded).forEach(out::println);
            out.flush();
            return ExitCode.OK.code();
        }
        List<CatalogueTable.Entry> entries = new ArrayList<>();
        for (Path file : scenarios) {
            Scenario s = ScenarioLoader.load(file, FaultRegistry.ACTIONS);
            entries.add(new CatalogueTable.Entry(s.id(), CatalogueTable.Expectation.of(s.tags()), newest(reports.resolve(s.id()))));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(CatalogueTable.markdown(entries));
        out.flush();
        return CatalogueTable.exitCode(entries);
    }

    /** The newest readable result of a scenario's run folders, by start time. */
    private static Optional<DrillResult> newest(Path scenarioReports) {
        if (!Files.isDirectory(scenarioReports)) {
            return Optional.empty();
        }
        try (Stream<Path> runs = Files.list(scenarioReports)) {
            return runs.map(run -> run.resolve(ResultJson.FILE)).filter(Files::isRegularFile).map(CatalogueCommand::read)
                    .flatMap(Optional::stream).max(Comparator.comparing(DrillResult::startedAt));
        } catch (IOException e) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "catalogue: cannot list " + scenarioReports + ": " + e.getMessage());
        }
    }

    private static Optional<DrillResult> read(Path resultJson) {
        try {
            return Optional.of(ResultJson.read(resultJson));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
