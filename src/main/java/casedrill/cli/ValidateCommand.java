package casedrill.cli;

import casedrill.environment.Environment;
import casedrill.environment.EnvironmentLoader;
import casedrill.environment.ScenarioFit;
import casedrill.failover.RunbookLoader;
import casedrill.fault.FaultRegistry;
import casedrill.outcome.ExitCode;
import casedrill.notation.Durations;
import casedrill.scenario.Scenario;
import casedrill.scenario.ScenarioLoader;
import casedrill.topology.Topology;
import casedrill.topology.TopologyLoader;
import casedrill.yaml.InvalidInputException;
import casedrill.yaml.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Checks scenario, topology and runbook files without touching anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check scenario files (and the topology and runbook each names) without touching anything.",
                "Files under a 'topology' folder are checked as topologies, files under 'failover' as runbooks,",
                "files under 'environment' as environment files (remote provider).",
                "Exit 0 when every file is valid, 2 otherwise; problems are printed as file:line:column: message."})
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario (or topology / runbook) files.")
    List<Path> files;

    @Option(names = "--topology", paramLabel = "FILE", defaultValue = "scenarios/topology/two-dc.yaml",
            description = "Topology that runbooks are checked against (default: ${DEFAULT-VALUE}).")
    Path topology;

    @Option(names = "--environment", paramLabel = "FILE",
            description = "Also check each scenario against this environment file: its topology, forbidden actions, blast radius.")
    Path environment;

    @Option(names = {"-q", "--quiet"}, description = "Print problems only.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int invalid = 0;
        Environment env = null;
        if (environment != null) {
            try {
                env = EnvironmentLoader.load(environment);
            } catch (InvalidInputException e) {
                e.problems().stream().map(Problem::toString).forEach(err::println);
                err.flush();
                return ExitCode.INVALID_INPUT.code();
            }
        }
        for (Path file : files) {
            try {
                String summary = check(file, env);
                if (!quiet) {
                    out.println(file + ": ok (" + summary + ")");
                }
            } catch (InvalidInputException e) {
                invalid++;
                e.problems().stream().map(Problem::toString).forEach(err::println);
            }
        }
        out.flush();
        err.flush();
        if (invalid > 0 && files.size() > 1) {
            err.println(invalid + " of " + files.size() + " files are invalid");
        }
        return invalid == 0 ? ExitCode.OK.code() : ExitCode.INVALID_INPUT.code();
    }

    private String check(Path file, Environment env) {
        String kind = kindOf(file);
        if (kind.equals("environment")) {
            Environment e = EnvironmentLoader.load(file);
            return "environment " + e.name() + ": topology " + e.topology().name() + ", " + e.nodes().size() + " nodes on "
                    + e.hosts().size() + " hosts, " + e.links().size() + " link proxies";
        }
        if (kind.equals("topology")) {
            Topology t = TopologyLoader.load(file);
            return "topology " + t.name() + ": " + t.sites().size() + " sites, " + t.nodes().size() + " nodes, "
                    + t.links().size() + " links";
        }
        if (kind.equals("runbook")) {
            if (!java.nio.file.Files.isRegularFile(topology)) {
                throw new UserFacingException(ExitCode.INVALID_INPUT, file + ": runbooks are checked against a topology, but '"
                        + topology + "' (relative to the current folder) does not exist; give --topology FILE");
            }
            var r = RunbookLoader.load(file, file.toString(), TopologyLoader.load(topology));
            return "runbook " + r.id() + ": " + r.steps().size() + " steps";
        }
        Scenario s = ScenarioLoader.load(file, FaultRegistry.ACTIONS);
        if (env != null) {
            ScenarioFit.check(s, env);
        }
        return "scenario " + s.id() + ": " + Durations.format(s.duration()) + ", " + s.faults().size() + " fault(s), failover "
                + s.failover().mode().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String kindOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        String folder = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
        return switch (folder) {
            case "topology" -> "topology";
            case "failover" -> "runbook";
            case "environment", "environments" -> "environment";
            default -> "scenario";
        };
    }
}
