package casedrill.cli;

import casedrill.evidence.SecretScan;
import casedrill.evidence.SigningKey;
import casedrill.outcome.ExitCode;
import casedrill.report.ResultJson;
import casedrill.report.completion.RunCompletion;
import casedrill.report.html.HeadlessBrowser;
import casedrill.report.html.IndexBuilder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Renders a run's auditor report and seals the run folder, or rebuilds the index of every run. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"report RUN-FOLDER: write the auditor's report.html from result.json and history.jsonl, redact configured",
                "secrets, and seal the folder (manifest.json + Ed25519 manifest.sig + a line in <reports>/ledger).",
                "report --pdf RUN-FOLDER: also print it to report.pdf through headless Chromium, sealed with the run.",
                "report --index [REPORTS]: rebuild REPORTS/index.html (every run by scenario, RTO over time).",
                "The signing key: --key, else $CASEDRILL_SIGNING_KEY, else ~/.config/casedrill/signing-key (created on first use)."})
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER", description = "Run folder, or with --index the reports folder (default: reports).")
    Path folder;

    @Option(names = "--index", description = "Rebuild the reports folder's index.html instead.")
    boolean index;

    @Option(names = "--no-seal", description = "Only write report.html (a sealed folder is never rewritten).")
    boolean noSeal;

    @Option(names = "--pdf", description = "Also print the auditor's report to report.pdf through headless Chromium (/usr/bin/chromium) before sealing.")
    boolean pdf;

    @Option(names = "--key", paramLabel = "FILE", description = "Ed25519 signing key file (created if missing).")
    Path key;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (index) {
            Path reports = folder == null ? Path.of("reports") : folder;
            if (!Files.isDirectory(reports)) {
                throw new UserFacingException(ExitCode.INVALID_INPUT, "report --index: " + reports + " is not a folder.");
            }
            out.println("index: " + IndexBuilder.rebuild(reports, java.time.Instant.now()));
            return ExitCode.OK.code();
        }
        if (folder == null) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "report: name a run folder (reports/<scenario>/<run-id>), or use --index.");
        }
        if (!Files.isRegularFile(folder.resolve(ResultJson.FILE))) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "report: " + folder + " is not a run folder (it has no " + ResultJson.FILE + ").");
        }
        if (Files.exists(folder.resolve(casedrill.evidence.Manifest.FILE))) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "report: " + folder + " is sealed; its report is evidence and is not rewritten (for a PDF under the seal, run the drill with 'run --pdf').");
        }
        String operator = RunCompletion.operator(System.getenv());
        HeadlessBrowser browser = pdf ? PdfPrinter.required("report --pdf") : null;
        if (noSeal) {
            Path page = RunCompletion.writeReport(folder, new casedrill.report.html.AuditorReport.Context(operator, null));
            out.println("report: " + page);
            if (browser != null) {
                out.println("pdf: " + browser.printToPdf(page, folder.resolve(RunCompletion.PDF)));
            }
            return ExitCode.OK.code();
        }
        SigningKey signingKey = SigningKey.loadOrCreate(SigningKey.location(key, System.getenv()));
        RunCompletion.Completed done = RunCompletion.complete(folder, signingKey, operator, SecretScan.fromEnvironment(System.getenv()), Clock.systemUTC(),
                browser);
        done.redactedFiles().forEach(f -> out.println("redacted secrets in " + f));
        out.println("report: " + folder.resolve("report.html"));
        if (browser != null) {
            out.println("pdf: " + folder.resolve(RunCompletion.PDF));
        }
        out.println("sealed: " + done.manifest().files().size() + " files, key " + casedrill.evidence.PublicKeys.fingerprint(done.manifest().publicKey())
                + " (" + signingKey.file() + ")");
        return ExitCode.OK.code();
    }
}
