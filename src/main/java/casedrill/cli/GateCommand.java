package casedrill.cli;

import casedrill.drill.DrillOptions;
import casedrill.drill.StackPool;
import casedrill.environment.Environment;
import casedrill.fault.FaultRegistry;
import casedrill.gate.GateEvaluation;
import casedrill.gate.GateFolder;
import casedrill.gate.GateOutcome;
import casedrill.gate.GateSummary;
import casedrill.gate.RecordedRuns;
import casedrill.gate.Suite;
import casedrill.gate.SuiteLoader;
import casedrill.outcome.ExitCode;
import casedrill.report.completion.RunCompletion;
import casedrill.scenario.ScenarioLoader;
import casedrill.stack.StackProvider;
import casedrill.stack.StackRef;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The release gate: runs a suite, compares it with a baseline, writes one junit.xml and summary.md. */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Run every scenario of a suite (scenarios/suites/*.yaml), judge each against the verdict the suite expects",
                "and, with --baseline, against an earlier run (RTO worse than the tolerance, a new lost write, more error budget",
                "burned). Writes REPORTS/gate/<suite>/<gate-id>/{junit.xml,summary.md,runs.json}.",
                "Exit 0 passed, 1 a scenario failed or regressed, 2 invalid input, 3 inconclusive."})
public final class GateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SUITE", description = "Suite file, e.g. scenarios/suites/release.yaml.")
    Path suiteFile;

    @Mixin
    DrillPlaceOptions places;

    @Option(names = "--baseline", paramLabel = "RUNS",
            description = "Compare with: a run folder, a gate folder, a reports folder (latest run per scenario) or a tag (see --tag).")
    String baseline;

    @Option(names = "--recorded", paramLabel = "DIR",
            description = "Do not run anything: judge the runs recorded in DIR (a gate folder, or a reports folder's latest run per scenario).")
    Path recorded;

    @Option(names = "--tag", paramLabel = "NAME", description = "Name this gate's runs NAME, for a later --baseline NAME.")
    String tag;

    @Option(names = "--fresh-stacks", description = {"Start and stop a stack for every drill instead of keeping one per kind of drill",
            "(reset to its baseline and verified before each drill) for the whole suite."})
    boolean freshStacks;





    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * With --provider remote: the deployment the environment file describes, every scenario of the suite checked
     * against it (forbidden actions, blast radius) and the operator's confirmation taken before the first drill.
     */
    private StackRef remoteDeployment(Suite suite) {
        String name = places.provider();
        if (name == null || !name.equals(RunCommand.REMOTE)) {
            places.provider.refuseEnvironment("gate without --provider remote");
            return null;
        }
        StackProvider remote = ProviderOption.byName(name);
        Environment env = null;
        for (Suite.Entry entry : suite.entries()) {
            env = places.provider.environmentFor(remote, ScenarioLoader.load(entry.scenarioFile(), FaultRegistry.ACTIONS));
        }
        if (env == null) {
            return null;
        }
        places.provider.confirm(env);
        return new StackRef(RunCommand.REMOTE, env.source().toAbsolutePath().toString());
    }

    @Override
    public Integer call() {
        String release = places.release();
        Suite suite = SuiteLoader.load(suiteFile);
        if (tag != null && !tag.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "--tag: '" + tag + "' is not a tag name (letters, digits, '.', '_', '-').");
        }
        Map<String, GateEvaluation.Run> baselines = baseline == null ? Map.of() : RecordedRuns.resolve(baseline, places.reports).orElseThrow(
                () -> new UserFacingException(ExitCode.INVALID_INPUT, "--baseline: '" + baseline + "' is neither a folder nor a tag under "
                        + places.reports.resolve(RecordedRuns.TAGS) + "."));
        Map<String, GateEvaluation.Run> runs;
        if (recorded != null) {
            if (!Files.isDirectory(recorded)) {
                throw new UserFacingException(ExitCode.INVALID_INPUT, "--recorded: " + recorded + " is not a folder.");
            }
            runs = RecordedRuns.in(recorded);
        } else {
            DrillOptions options = new DrillOptions(remoteDeployment(suite), false, places.reports, places.stackOptions(null), places.addressShift,
                    Duration.ofSeconds(90)).withRelease(release).withProvider(places.provider());
            // the suite's stacks are its own: taken down when it ends; a deployment we attach to is used as it is
            boolean pooled = !freshStacks && options.attach() == null;
            try (StackPool pool = pooled ? new StackPool(options.stack(), false, System.out) : null) {
                runs = SuiteRunner.run(suite, options, pool, System.out,
                        result -> RunCompletion.afterRun(places.reports, result.scenario().id(), result.runId(), places.key));
            }
        }
        GateOutcome outcome = GateEvaluation.evaluate(suite, runs, baselines);
        Path folder = GateFolder.write(places.reports.resolve("gate").resolve(suite.id())
                .resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-" + java.util.HexFormat.of().toHexDigits((short) java.util.concurrent.ThreadLocalRandom.current().nextInt())), outcome);
        if (tag != null) {
            GateFolder.tag(places.reports, tag, folder);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(GateSummary.render(outcome));
        out.println("gate results: " + folder);
        return outcome.exitCode();
    }

}
