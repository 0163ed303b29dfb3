package casedrill.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.report.completion.RunCompletion;
import casedrill.testing.RunFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No configured secret survives into a completed run folder: a node log that printed the database
 * password, a token and a URL with credentials is redacted before sealing, and a byte-level grep of
 * every file then finds none of them.
 */
class RunFolderSecretsTest {
    static final List<SecretScan.Secret> SECRETS = List.of(new SecretScan.Secret("CASEDRILL_DB_PASSWORD", "s3cret-db-Pa55"),
            new SecretScan.Secret("CASEDRILL_TOKEN_OFFICER", "eyJhbGciOiJIUzI1NiJ9.officer.sig"));

    @TempDir
    Path reports;
    @TempDir
    Path keys;

    @Test
    void aCompletedRunFolderHoldsNoSecret() throws IOException {
        Path run = RunFixtures.copy(reports, RunFixtures.PASSING).get(0);
        Files.writeString(run.resolve("stack-logs/app-dc1-a.log"), "connecting with password s3cret-db-Pa55\n"
                + "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.officer.sig\nDATABASE_URL=postgresql://casedrill:hunter22@127.0.1.5:5432/cases\n");
        assertThat(SecretScan.scan(run, SECRETS)).as("the planted secrets are found").hasSize(3);

        RunCompletion.Completed done = RunCompletion.complete(run, SigningKey.loadOrCreate(keys.resolve("k")), "test", SECRETS, Clock.systemUTC());

        assertThat(done.redactedFiles()).containsExactly("stack-logs/app-dc1-a.log");
        assertThat(SecretScan.scan(run, SECRETS)).as("scan after completion").isEmpty();
        try (Stream<Path> files = Files.walk(run)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(f.toString()).doesNotContain("s3cret-db-Pa55", "officer.sig", "hunter22");
            }
        }
        assertThat(run.resolve("stack-logs/app-dc1-a.log")).content().contains("[redacted CASEDRILL_DB_PASSWORD]", "postgresql://casedrill:[redacted]@");
        assertThat(EvidenceVerifier.verifyRun(run, java.util.Optional.empty()).findings()).as("sealed after redaction").isEmpty();
    }
}
