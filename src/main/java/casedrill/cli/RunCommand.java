package casedrill.cli;

import casedrill.environment.Environment;

import casedrill.drill.DrillOptions;
import casedrill.drill.DrillRunner;
import casedrill.drill.StackPool;
import casedrill.fault.FaultRegistry;
import casedrill.notation.Durations;
import casedrill.outcome.ExitCode;
import casedrill.report.DrillResult;
import casedrill.report.completion.RunCompletion;
import casedrill.report.html.HeadlessBrowser;
import casedrill.scenario.Scenario;
import casedrill.scenario.ScenarioLoader;
import casedrill.stack.StackProvider;
import casedrill.stack.StackRef;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs a drill end to end and prints the verdict and where the results are. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a drill: stack up (or attach), steady-state check, load and probes, the fault timeline,",
                "heal, settle, reconcile, check. Results go to REPORTS/<scenario>/<run-id>/.",
                "Exit 0 all targets met, 1 a target missed, 2 invalid input, 3 inconclusive or aborted, 4 harness error."})
public final class RunCommand implements Callable<Integer> {
    /** The provider that attaches to an environment file's deployment (its name, so cli needs no import of it). */
    static final String REMOTE = "remote";

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file.")
    Path file;

    @Mixin
    DrillPlaceOptions places;

    @Option(names = "--attach", arity = "0..1", paramLabel = "DIR", fallbackValue = "",
            description = "Use a running stack (its run directory, a containers stack's id; without DIR the current one) instead of starting a fresh one. It is left running.")
    String attach;

    @Option(names = "--keep-stack", description = "Leave the stack this run starts running afterwards.")
    boolean keepStack;

    @Option(names = "--reuse", description = {"Run on the kept stack of this kind of drill (topology, database variant, address shift),",
            "reset to its baseline and verified first; none kept, or not verified: start a fresh one. Either way it is",
            "left running and recorded under RUN-ROOT/reusable/ for the next --reuse ('stack down --reusable' ends them)."})
    boolean reuse;

    @Option(names = "--interactive", description = "Runbook manual steps prompt on the terminal and wait for Enter (default: acknowledged after their recorded delay).")
    boolean interactive;

    @Option(names = "--jar", paramLabel = "FILE", description = "casedrill jar for the Toxiproxy server and app nodes (default: this jar).")
    Path jar;

    @Option(names = "--pdf", description = "Also print the auditor's report to report.pdf through headless Chromium (/usr/bin/chromium), sealed with the run.")
    boolean pdf;

    @Option(names = "--settle", paramLabel = "DURATION", defaultValue = "90s",
            description = "How long to wait after heal for every node to be healthy (default: ${DEFAULT-VALUE}).")
    String settle;


    @Override
    public Integer call() {
        String release = places.release();
        Scenario scenario = ScenarioLoader.load(file, FaultRegistry.ACTIONS);
        // Checked before anything starts: a drill whose report cannot be printed as asked is not worth running.
        HeadlessBrowser pdfPrinter = pdf ? PdfPrinter.required("run --pdf") : null;
        StackProvider provider = places.provider.resolve(scenario.stack().provider());
        StackRef stackRef = attachTo(provider);
        if (provider.name().equals(REMOTE)) {
            Environment env = places.provider.environmentFor(provider, scenario);
            places.provider.confirm(env);
            stackRef = new StackRef(provider.name(), env.source().toAbsolutePath().toString());
        }
        DrillOptions options = new DrillOptions(stackRef, keepStack, places.reports, places.stackOptions(jar), places.addressShift, parse("--settle", settle),
                interactive, release, places.provider());
        PrintStream out = System.out;
        if (reuse) {
            if (stackRef != null) {
                throw new UserFacingException(ExitCode.INVALID_INPUT, "--reuse keeps and resets its own stacks; it does not go with --attach"
                        + (provider.name().equals(REMOTE) ? " or the remote provider, whose deployment is attached as it is" : "") + ".");
            }
            // keep: the stack stays running and recorded for the next run --reuse
            try (StackPool pool = new StackPool(options.stack(), true, out)) {
                options = pool.prepare(scenario, options);
            }
        }
        DrillResult result = new DrillRunner(scenario, options, out).run();
        out.println();
        out.printf("%s: %s (exit %d) — %s%n", scenario.id(), result.verdict(), result.exitCode(), result.reason());
        result.targets().forEach(t -> out.printf("  %-8s %-18s measured %-28s target %s%n", t.verdict(), t.name(), t.measuredText(), t.target().text()));
        out.println("results: " + places.reports.resolve(scenario.id()).resolve(result.runId()));
        RunCompletion.Completed sealed = RunCompletion.afterRun(places.reports, scenario.id(), result.runId(), places.key, pdfPrinter);
        out.println("sealed: " + sealed.manifest().files().size() + " files signed; check with: verify " + places.reports.resolve(scenario.id()).resolve(result.runId()));
        return result.exitCode();
    }

    private StackRef attachTo(StackProvider provider) {
        if (attach == null) {
            return null;
        }
        if (!attach.isEmpty()) {
            return new StackRef(provider.name(), attach);
        }
        return provider.current(places.stackOptions(jar)).orElseThrow(() -> new UserFacingException(ExitCode.INVALID_INPUT,
                "--attach: no current stack under " + places.runRoot + "; start one with 'stack up' or name its run directory."));
    }



    private static java.time.Duration parse(String option, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, option + ": " + e.getMessage() + ".");
        }
    }
}
