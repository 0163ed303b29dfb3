package casedrill.report.completion;

import casedrill.evidence.Manifest;
import casedrill.evidence.RunSeal;
import casedrill.evidence.SecretRedaction;
import casedrill.evidence.SecretScan;
import casedrill.evidence.SigningKey;
import casedrill.history.History;
import casedrill.history.HistoryReader;
import casedrill.report.DrillResult;
import casedrill.report.ResultJson;
import casedrill.report.html.AuditorReport;
import casedrill.report.html.HeadlessBrowser;
import casedrill.report.html.IndexBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * The last step of every run: the auditor's report.html replaces the minimal one, secrets are
 * redacted from every file, and the folder is sealed (manifest, signature, ledger). After this
 * nothing in the folder may change.
 */
public final class RunCompletion {
    /** The auditor's report printed by Chromium ({@code report --pdf}). */
    public static final String PDF = "report.pdf";

    private RunCompletion() {
    }

    /** What completion did: files it redacted secrets from, and the manifest it sealed. */
    public record Completed(List<String> redactedFiles, Manifest manifest) {
    }

    public static Completed complete(Path runFolder, SigningKey key, String operator, Collection<SecretScan.Secret> secrets, Clock clock) {
        return complete(runFolder, key, operator, secrets, clock, null);
    }

    /**
     * As {@link #complete(Path, SigningKey, String, Collection, Clock)}, and with a browser also {@code report.pdf}: printed from the
     * redacted report.html before sealing, so the seal covers it and it carries no secret.
     */
    public static Completed complete(Path runFolder, SigningKey key, String operator, Collection<SecretScan.Secret> secrets, Clock clock,
                                     HeadlessBrowser pdfPrinter) {
        writeReport(runFolder, new AuditorReport.Context(operator, key.publicKeyBase64()));
        List<String> redacted = SecretRedaction.redact(runFolder, secrets);
        if (pdfPrinter != null) {
            pdfPrinter.printToPdf(runFolder.resolve(AuditorReport.FILE), runFolder.resolve(PDF));
        }
        return new Completed(redacted, RunSeal.seal(runFolder, key, clock));
    }

    /**
     * What {@code run} and {@code gate} do after each drill: complete its folder with the configured key
     * ({@code keyOption}, else $CASEDRILL_SIGNING_KEY, else the default), the environment's secrets and
     * operator, then rebuild the reports index.
     */
    public static Completed afterRun(Path reportsRoot, String scenarioId, String runId, Path keyOption) {
        return afterRun(reportsRoot, scenarioId, runId, keyOption, null);
    }

    /** As {@link #afterRun(Path, String, String, Path)}, and with a browser {@code report.pdf} too, under the same seal. */
    public static Completed afterRun(Path reportsRoot, String scenarioId, String runId, Path keyOption, HeadlessBrowser pdfPrinter) {
        java.util.Map<String, String> env = System.getenv();
        Completed done = complete(reportsRoot.resolve(scenarioId).resolve(runId), SigningKey.loadOrCreate(SigningKey.location(keyOption, env)),
                operator(env), SecretScan.fromEnvironment(env), Clock.systemUTC(), pdfPrinter);
        IndexBuilder.rebuild(reportsRoot, java.time.Instant.now());
        return done;
    }

    /** Renders report.html from the folder's result.json and history.jsonl (an empty history if there is none). */
    public static Path writeReport(Path runFolder, AuditorReport.Context context) {
        try {
            DrillResult result = ResultJson.read(runFolder.resolve(ResultJson.FILE));
            Path historyFile = runFolder.resolve("history.jsonl");
            History history = Files.isRegularFile(historyFile) ? HistoryReader.read(historyFile) : new History(List.of());
            return Files.writeString(runFolder.resolve(AuditorReport.FILE), AuditorReport.render(result, history, context));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report of " + runFolder, e);
        }
    }

    /** Who ran it: $CASEDRILL_OPERATOR, else the operating-system user. */
    public static String operator(java.util.Map<String, String> env) {
        String named = env.get("CASEDRILL_OPERATOR");
        return named != null && !named.isBlank() ? named : System.getProperty("user.name") + "@" + hostName();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
