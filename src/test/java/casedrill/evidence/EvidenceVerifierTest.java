package casedrill.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.testing.RunFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvidenceVerifierTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T04:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path reports;
    @TempDir
    Path keys;
    SigningKey key;
    List<Path> runs;

    @BeforeEach
    void sealThreeRuns() {
        key = SigningKey.loadOrCreate(keys.resolve("signing-key"));
        runs = RunFixtures.copy(reports, RunFixtures.PASSING, RunFixtures.LOST_WRITES, RunFixtures.RUNBOOK);
        runs.forEach(run -> RunSeal.seal(run, key, CLOCK));
    }

    @Test
    void untouchedEvidenceVerifiesAndTheManifestsFormAChain() throws IOException {
        EvidenceVerifier.Report report = EvidenceVerifier.verifyAll(reports, Optional.of(key.publicKeyBase64()));

        assertThat(report.findings()).as("findings on untouched evidence").isEmpty();
        assertThat(report.runsChecked()).isEqualTo(3);
        List<RunLedger.Entry> ledger = RunLedger.read(reports);
        assertThat(ledger.get(0).previousSha256()).as("the first run has no predecessor").isNull();
        Manifest third = Manifest.read(runs.get(2).resolve(Manifest.FILE));
        assertThat(third.previousManifestSha256()).as("the third manifest names the second's hash")
                .isEqualTo(FileDigests.sha256(Files.readAllBytes(runs.get(1).resolve(Manifest.FILE))));
        assertThat(third.files()).containsKeys("result.json", "history.jsonl", "stack-logs/pg-dc1.log")
                .doesNotContainKeys(Manifest.FILE, Manifest.SIGNATURE_FILE);
        assertThat(third.publicKey()).isEqualTo(key.publicKeyBase64());
    }

    @ParameterizedTest
    @ValueSource(strings = {"result.json", "history.jsonl", "lease.json", "stack-logs/pg-dc1.log"})
    void oneChangedByteInAnyFileIsNamed(String file) throws IOException {
        Path changed = runs.get(1).resolve(file);
        byte[] bytes = Files.readAllBytes(changed);
        bytes[bytes.length / 2] ^= 1;
        Files.write(changed, bytes);

        EvidenceVerifier.Report report = EvidenceVerifier.verifyAll(reports, Optional.empty());

        assertThat(report.findings()).extracting(Finding::where).containsExactly(RunFixtures.LOST_WRITES + "/" + file);
        assertThat(report.findings().get(0).problem()).startsWith("changed since the run was sealed");
        assertThat(EvidenceVerifier.verifyRun(runs.get(1), Optional.empty()).intact()).as("verify of the run folder alone").isFalse();
        assertThat(EvidenceVerifier.verifyRun(runs.get(0), Optional.empty()).intact()).as("an untouched neighbour").isTrue();
    }

    @Test
    void aRemovedRunIsNamedEvenWhenItsLedgerLineIsRemovedToo() throws IOException {
        deleteTree(runs.get(1));

        assertThat(EvidenceVerifier.verifyAll(reports, Optional.empty()).findings()).extracting(Finding::toString)
                .containsExactly(RunFixtures.LOST_WRITES + ": was removed: ledger line 2 records it but the folder is gone");

        Path ledger = RunLedger.of(reports);
        List<String> lines = Files.readAllLines(ledger);
        Files.write(ledger, List.of(lines.get(0), lines.get(2)));
        assertThat(EvidenceVerifier.verifyAll(reports, Optional.empty()).findings()).extracting(Finding::problem)
                .singleElement().asString().startsWith("chain broken");
    }

    @Test
    void aManifestRewrittenToMatchAChangedFileFailsItsSignature() throws IOException {
        Path result = runs.get(0).resolve("result.json");
        Files.writeString(result, Files.readString(result).replace("\"PASS\"", "\"FAIL\""));
        Manifest old = Manifest.read(runs.get(0).resolve(Manifest.FILE));
        java.util.SortedMap<String, String> files = new java.util.TreeMap<>(old.files());
        files.put("result.json", FileDigests.sha256(result));
        Files.write(runs.get(0).resolve(Manifest.FILE), new Manifest(old.schemaVersion(), old.runPath(), old.sealedAt(),
                old.previousManifestSha256(), old.publicKey(), files).toBytes());

        assertThat(EvidenceVerifier.verifyAll(reports, Optional.empty()).findings()).extracting(Finding::problem)
                .anySatisfy(p -> assertThat(p).contains("signature"))
                .anySatisfy(p -> assertThat(p).contains("is not the manifest ledger line 1 recorded"));
    }

    @Test
    void aRunResignedWithAnotherKeyIsRejectedWhenTheKeyIsPinned() throws IOException {
        Path run = runs.get(2);
        Files.delete(run.resolve(Manifest.FILE));
        Files.delete(run.resolve(Manifest.SIGNATURE_FILE));
        SigningKey other = SigningKey.loadOrCreate(keys.resolve("other-key"));
        Files.writeString(RunLedger.of(reports), String.join("\n", Files.readAllLines(RunLedger.of(reports)).subList(0, 2)) + "\n");
        RunSeal.seal(run, other, CLOCK);

        assertThat(EvidenceVerifier.verifyAll(reports, Optional.empty()).intact()).as("unpinned: self-consistent").isTrue();
        assertThat(EvidenceVerifier.verifyAll(reports, Optional.of(key.publicKeyBase64())).findings())
                .extracting(Finding::problem).singleElement().asString().contains("not by the trusted key");
    }

    @Test
    void addedFilesAndUnsealedRunsAreFindings() throws IOException {
        Files.writeString(runs.get(0).resolve("note.txt"), "added later");
        RunFixtures.copy(reports.resolve("extra"), RunFixtures.PASSING);
        Files.move(reports.resolve("extra").resolve(RunFixtures.PASSING), reports.resolve("pg-primary-crash/20261123-050000-ffff"));

        assertThat(EvidenceVerifier.verifyAll(reports, Optional.empty()).findings()).extracting(Finding::toString).containsExactly(
                RunFixtures.PASSING + "/note.txt: added after the run was sealed",
                "pg-primary-crash/20261123-050000-ffff: is not in ledger: it was never sealed or its ledger line was removed");
    }

    @Test
    void aSealedRunIsNeverSealedAgain() {
        assertThatThrownBy(() -> RunSeal.seal(runs.get(0), key, CLOCK)).hasMessageContaining("already sealed");
    }

    @Test
    void theKeyIsReadBackAndItsFileIsPrivate() throws IOException {
        SigningKey again = SigningKey.loadOrCreate(keys.resolve("signing-key"));
        assertThat(again.publicKeyBase64()).isEqualTo(key.publicKeyBase64());
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("signing-key"))))
                .isEqualTo("rw-------");
        assertThat(SigningKey.location(null, java.util.Map.of(SigningKey.ENV, "/x/key"))).isEqualTo(Path.of("/x/key"));
        assertThat(SigningKey.location(Path.of("/opt/k"), java.util.Map.of(SigningKey.ENV, "/x/key"))).isEqualTo(Path.of("/opt/k"));
    }

    static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
