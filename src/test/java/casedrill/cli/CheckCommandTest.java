package casedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.history.DrillClock;
import casedrill.history.Event;
import casedrill.history.HistoryWriter;
import casedrill.history.Outcome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    private static Path historyWithFiveSecondOutage(Path dir) {
        Path file = dir.resolve("history.jsonl");
        try (HistoryWriter w = new HistoryWriter(file, DrillClock.system())) {
            for (long t = 0; t < 30_000; t += 100) {
                boolean down = t >= 10_000 && t < 15_000;
                w.append(new Event.Probe(t, "status", down ? Outcome.FAILED : Outcome.OK, down ? 503 : 200, 4, "app-dc1-a"));
            }
            w.append(new Event.FaultInjected(10_000, "node-kill", "node:pg-dc1"));
            w.append(new Event.DrillEnded(30_000, "completed"));
        }
        return file;
    }

    @Test
    void exitCodeFollowsTheVerdict(@TempDir Path dir) {
        Path file = historyWithFiveSecondOutage(dir);
        assertThat(Main.execute("check", file.toString(), "--rto", "30s", "--checkers", "rto,steady-state"))
                .as("RTO 5 s within 30 s").isEqualTo(0);
        assertThat(Main.execute("check", file.toString(), "--rto", "4s", "--checkers", "rto")).isEqualTo(1);
        assertThat(Main.execute("check", file.toString(), "--checkers", "rpo"))
                .as("no RPO target: inconclusive").isEqualTo(3);
    }

    @Test
    void failedRequestsIsJudgedWhenAskedForAndTheRunbookCheckerOnlyOnRunbookHistories(@TempDir Path dir) {
        Path file = historyWithFiveSecondOutage(dir);
        assertThat(Main.execute("check", file.toString(), "--failed-requests", "50", "--checkers", "failed-requests"))
                .as("50 failed probes, 50 allowed").isEqualTo(0);
        assertThat(Main.execute("check", file.toString(), "--failed-requests", "0", "--checkers", "failed-requests"))
                .as("a zero-outage promise broken").isEqualTo(1);
        // Every default checker with its target set: neither failed-requests (no option) nor runbook (no runbook steps) may
        // turn the verdict inconclusive.
        Path passing = dir.resolve("all-ok.jsonl");
        try (HistoryWriter w = new HistoryWriter(passing, DrillClock.system())) {
            for (long t = 0; t < 30_000; t += 100) {
                w.append(new Event.Probe(t, "status", Outcome.OK, 200, 4, "app-dc1-a"));
            }
            w.append(new Event.WriteAcked(5_000, 4_990, "k1", "c1", "00", "app-dc1-a", "sys", 1));
            w.append(new Event.FaultInjected(10_000, "node-kill", "node:pg-dc1"));
            w.append(new Event.Reconciled(29_000, "sys", 1, 1, 1, 0, 0, 0, 0, 0));
            w.append(new Event.DrillEnded(30_000, "completed"));
        }
        assertThat(Main.execute("check", passing.toString(), "--rto", "30s", "--rpo", "0s", "--error-budget", "0.01",
                "--p99", "baseline=1s", "--p99", "disruption=1s", "--p99", "recovered=1s")).as("every default checker").isEqualTo(0);
    }

    @Test
    void badInputIsExitTwo(@TempDir Path dir) {
        Path file = historyWithFiveSecondOutage(dir);
        assertThat(Main.execute("check", dir.resolve("missing.jsonl").toString())).isEqualTo(2);
        assertThat(Main.execute("check", file.toString(), "--rto", "soon")).isEqualTo(2);
        assertThat(Main.execute("check", file.toString(), "--checkers", "rtt")).isEqualTo(2);
        assertThat(Main.execute("check", file.toString(), "--error-budget", "1.5")).isEqualTo(2);
    }

    @Test
    void printsDefinitions() {
        assertThat(Main.execute("check", "--definitions")).isEqualTo(0);
    }
}
