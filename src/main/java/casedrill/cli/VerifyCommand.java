package casedrill.cli;

import casedrill.evidence.EvidenceVerifier;
import casedrill.evidence.Finding;
import casedrill.evidence.Manifest;
import casedrill.evidence.SecretScan;
import casedrill.outcome.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks that sealed evidence was not altered: signatures, the run chain, every file's hash, no secrets. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify sealed run folders: each manifest's Ed25519 signature, every file's SHA-256, the chain of runs",
                "in <reports>/ledger (a removed or replaced run breaks it), and that no configured secret appears.",
                "PATH is a run folder (<reports>/<scenario>/<run-id>) or a reports folder (every run in its ledger).",
                "Exit 0 intact, 1 something was altered, removed or leaked, 2 invalid input."})
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "Run folder or reports folder.")
    Path path;

    @Option(names = "--public-key", paramLabel = "KEY",
            description = "Only accept manifests signed by this key: base64 (as printed in every report) or a file holding a 'public <base64>' line.")
    String publicKey;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(path)) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "verify: " + path + " is not a folder (give a run folder or a reports folder).");
        }
        Optional<String> trusted = Optional.ofNullable(publicKey).map(VerifyCommand::readKey);
        boolean runFolder = Files.exists(path.resolve(Manifest.FILE)) || Files.exists(path.resolve("result.json"));
        EvidenceVerifier.Report report = runFolder ? EvidenceVerifier.verifyRun(path, trusted) : EvidenceVerifier.verifyAll(path, trusted);
        List<Finding> findings = new ArrayList<>(report.findings());
        findings.addAll(SecretScan.scan(path, SecretScan.fromEnvironment(System.getenv())));
        PrintWriter out = spec.commandLine().getOut();
        findings.forEach(f -> out.println("ALTERED " + f));
        out.printf("%s: %d run(s) checked, signed by key(s) %s%s; %s%n", path, report.runsChecked(),
                report.keys().isEmpty() ? "(none)" : String.join(", ", report.keys()),
                trusted.isPresent() ? " (pinned)" : " (not pinned: pass --public-key to require one)",
                findings.isEmpty() ? "evidence intact" : findings.size() + " problem(s)");
        if (report.head() != null) {
            out.println("ledger head (keep it somewhere else to detect a removed last run): " + report.head());
        }
        return findings.isEmpty() ? ExitCode.OK.code() : ExitCode.TARGET_MISSED.code();
    }

    private static String readKey(String value) {
        Path file = Path.of(value);
        if (!Files.isRegularFile(file)) {
            return value.strip();
        }
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith("public ")).map(l -> l.substring(7).strip())
                    .findFirst().orElseThrow(() -> new UserFacingException(ExitCode.INVALID_INPUT,
                            "--public-key: " + file + " has no 'public <base64>' line."));
        } catch (IOException e) {
            throw new UserFacingException(ExitCode.INVALID_INPUT, "--public-key: cannot read " + file + ": " + e.getMessage() + ".");
        }
    }
}
