package casedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.history.Event;
import casedrill.history.History;
import casedrill.history.HistoryReader;
import casedrill.testing.LoopbackCaseService;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeCommandTest {
    @Test
    void probesForAWhileAndWritesAHistoryTheCheckersRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("history.jsonl");
        try (LoopbackCaseService service = new LoopbackCaseService()) {
            int exit = Main.execute("probe", "--base", service.base().toString(), "--for", "2s",
                    "--history", file.toString());
            assertThat(exit).isZero();
        }
        History h = HistoryReader.read(file);
        assertThat(h.all(Event.Probe.class).map(Event.Probe::transaction).distinct())
                .containsExactlyInAnyOrder("status", "screening", "intake");
        assertThat(h.all(Event.WriteAcked.class).count()).as("acknowledged intakes in the ledger").isPositive();
        assertThat(Main.execute("check", file.toString(), "--checkers", "steady-state,split-brain")).isZero();
    }

    @Test
    void refusesNonLoopbackTargets(@TempDir Path dir) {
        assertThat(Main.execute("probe", "--base", "http://10.0.0.1:8080", "--history", dir.resolve("h").toString()))
                .isEqualTo(2);
    }
}
