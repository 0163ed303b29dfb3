package casedrill.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Verifies the evidence under a reports folder: every ledger line's run folder exists, its manifest
 * is the one the ledger names, each manifest names its predecessor, signatures hold, no file changed,
 * and no run folder is missing from the ledger.
 */
public final class EvidenceVerifier {
    /** What verification found. {@code keys} are the fingerprints of every key that signed a checked run. */
    public record Report(int runsChecked, Set<String> keys, String head, List<Finding> findings) {
        public boolean intact() {
            return findings.isEmpty();
        }
    }

    private EvidenceVerifier() {
    }

    /** Every run in the ledger under {@code reportsRoot}, the chain, and run folders the ledger does not know. */
    public static Report verifyAll(Path reportsRoot, Optional<String> trustedKey) {
        List<Finding> findings = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        List<RunLedger.Entry> ledger = RunLedger.read(reportsRoot);
        String previous = null;
        Set<String> listed = new HashSet<>();
        for (RunLedger.Entry entry : ledger) {
            String where = "ledger line " + entry.line() + " (" + entry.runPath() + ")";
            if (!java.util.Objects.equals(entry.previousSha256(), previous)) {
                findings.add(new Finding(where, "chain broken: names previous manifest " + shortHash(entry.previousSha256())
                        + " but the line before it is " + shortHash(previous) + " (a run was removed from the ledger or lines were reordered)"));
            }
            previous = entry.manifestSha256();
            listed.add(entry.runPath());
            checkRun(reportsRoot, entry, trustedKey, findings, keys);
        }
        for (String run : runFolders(reportsRoot)) {
            if (!listed.contains(run)) {
                findings.add(new Finding(run, "is not in " + RunLedger.FILE + ": it was never sealed or its ledger line was removed"));
            }
        }
        return new Report(ledger.size(), keys, previous, findings);
    }

    /** One run folder: its files, its signature, and that the ledger holds exactly this manifest. */
    public static Report verifyRun(Path runFolder, Optional<String> trustedKey) {
        Path root = RunSeal.reportsRootOf(runFolder);
        String runPath = FileDigests.relative(root, runFolder.toAbsolutePath().normalize());
        List<Finding> findings = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        Optional<RunLedger.Entry> entry = RunLedger.read(root).stream().filter(e -> e.runPath().equals(runPath)).findFirst();
        if (entry.isPresent()) {
            checkRun(root, entry.get(), trustedKey, findings, keys);
        } else {
            RunFolderCheck.Outcome outcome = RunFolderCheck.check(runFolder, runPath, trustedKey);
            findings.addAll(outcome.findings());
            findings.add(new Finding(runPath, "is not in " + RunLedger.of(root) + ": it was never sealed or its ledger line was removed"));
        }
        return new Report(1, keys, entry.map(RunLedger.Entry::manifestSha256).orElse(null), findings);
    }

    private static void checkRun(Path root, RunLedger.Entry entry, Optional<String> trustedKey, List<Finding> findings, Set<String> keys) {
        Path folder = root.resolve(entry.runPath());
        if (!Files.isDirectory(folder)) {
            findings.add(new Finding(entry.runPath(), "was removed: ledger line " + entry.line() + " records it but the folder is gone"));
            return;
        }
        RunFolderCheck.Outcome outcome = RunFolderCheck.check(folder, entry.runPath(), trustedKey);
        findings.addAll(outcome.findings());
        outcome.manifest().ifPresent(m -> keys.add(PublicKeys.fingerprint(m.publicKey())));
        outcome.manifestBytes().ifPresent(bytes -> {
            String where = entry.runPath() + "/" + Manifest.FILE;
            if (!FileDigests.sha256(bytes).equals(entry.manifestSha256())) {
                findings.add(new Finding(where, "is not the manifest ledger line " + entry.line() + " recorded (it was replaced)"));
            }
            Manifest m = outcome.manifest().orElseThrow();
            if (!java.util.Objects.equals(m.previousManifestSha256(), entry.previousSha256())) {
                findings.add(new Finding(where, "names previous manifest " + shortHash(m.previousManifestSha256())
                        + " but ledger line " + entry.line() + " says " + shortHash(entry.previousSha256())));
            }
            if (!m.runPath().equals(entry.runPath())) {
                findings.add(new Finding(where, "was sealed for run " + m.runPath() + ", not for this folder"));
            }
        });
    }

    /** {@code <scenario>/<run-id>} folders holding a result.json or a manifest.json. */
    static List<String> runFolders(Path root) {
        try (Stream<Path> scenarios = Files.list(root)) {
            List<String> runs = new ArrayList<>();
            for (Path scenario : scenarios.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> children = Files.list(scenario)) {
                    children.filter(Files::isDirectory)
                            .filter(d -> Files.exists(d.resolve("result.json")) || Files.exists(d.resolve(Manifest.FILE)))
                            .sorted().forEach(d -> runs.add(FileDigests.relative(root, d)));
                }
            }
            return runs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the run folders under " + root, e);
        }
    }

    private static String shortHash(String sha) {
        return sha == null ? "(none)" : sha.substring(0, Math.min(12, sha.length())) + "…";
    }
}
