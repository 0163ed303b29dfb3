package casedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Inputs too big to commit as fixtures are made here; the timeouts guard against hangs, not speed. */
class OversizedInputTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void tenMegabyteFileIsRefusedWithoutBeingParsed() throws IOException {
        Path file = dir.resolve("huge.yaml");
        byte[] line = "# padding padding padding padding padding padding padding padding padding\n".getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(file)) {
            for (int written = 0; written < 10 * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        CommandRun run = CommandRun.of("validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(file + ":1:1: file is " + Files.size(file)
                + " bytes; input files are limited to 1048576 bytes (1 MiB)");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void enormousFaultListIsRefusedByItsLimit() throws IOException {
        StringBuilder yaml = new StringBuilder("""
                scenario: enormous
                title: t
                topology: %s
                duration: 120s
                load: { simulation: CaseWorkload, rate: 20/s, rampUp: 10s }
                failover: { mode: automatic }
                targets: { rto: 45s }
                faults:
                """.formatted(Path.of("scenarios/topology/two-dc.yaml").toAbsolutePath()));
        for (int i = 0; i < 5000; i++) {
            yaml.append("  - { at: 40s, action: kill, target: node:app-dc1-a }\n");
        }
        Path file = dir.resolve("enormous.yaml");
        Files.writeString(file, yaml);
        CommandRun run = CommandRun.of("validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(file + ":9:3: 'faults' has more than 200 items");
    }
}
