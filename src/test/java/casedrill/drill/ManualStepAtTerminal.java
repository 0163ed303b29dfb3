package casedrill.drill;

import casedrill.failover.Operator;
import casedrill.failover.OperatorPrompt;
import casedrill.failover.RunbookStep;
import casedrill.history.DrillClock;
import casedrill.load.GatlingRunner;
import casedrill.load.LoadParameters;
import casedrill.load.LoadProfile;
import casedrill.load.RequestRecorder;
import casedrill.probe.Tokens;
import casedrill.probe.WriteLedger;
import casedrill.testing.LoopbackCaseService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What an interactive runbook drill does at the terminal, without a stack: the progress line ticking every 100 ms,
 * Gatling running in-process against a loopback service, a manual step asked while other threads report three
 * faults (and half a second more). {@link TerminalPromptTest} runs it under a pseudo-terminal; args: the Gatling results folder.
 */
final class ManualStepAtTerminal {
    static final String QUESTION = "Press Enter to acknowledge (timeout 60 s): ";

    private ManualStepAtTerminal() {
    }

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args[0]);
        try (LoopbackCaseService service = new LoopbackCaseService();
             ProgressLine progress = new ProgressLine(System.out, System.console() != null, () -> "[faults] progress "
                     + System.nanoTime(), Duration.ofMillis(100))) {
            RequestRecorder recorder = new RequestRecorder(e -> { }, 30_000);
            LoadParameters parameters = new LoadParameters(service.base(), new Tokens("c", "o", "p"),
                    new LoadProfile(20, Duration.ZERO, Duration.ofSeconds(3), null, null), Duration.ofSeconds(30),
                    "terminal-test", DrillClock.system(), recorder, new WriteLedger(e -> { }), null, null);
            CompletableFuture<Integer> gatling = GatlingRunner.start(casedrill.loadtests.CaseWorkload.class, parameters, results,
                    "terminal test", true);
            Operator operator = Operator.console(System.console().reader(), new OperatorPrompt() {
                @Override
                public void ask(String question) {
                    progress.ask(question);
                    reportFaults(progress);
                }

                @Override
                public void answered(boolean acknowledged) {
                    progress.answered(acknowledged);
                }
            });
            boolean acknowledged = operator.acknowledge(new RunbookStep("approve failover", RunbookStep.Kind.MANUAL,
                    RunbookStep.Phase.DECIDE, Duration.ofSeconds(60), List.of(), 0, Optional.empty(), Optional.empty(),
                    Duration.ofMillis(500), "Confirm with the duty manager that dc1 is lost.", Duration.ZERO),
                    Duration.ofSeconds(60));
            progress.message("manual step acknowledged: " + acknowledged);
            int exit = gatling.get(120, TimeUnit.SECONDS);
            recorder.close();
            Thread.sleep(300);
            progress.message("casedrill summary: load finished with Gatling exit " + exit);
        }
    }

    private static void reportFaults(ProgressLine progress) {
        Thread faults = new Thread(() -> {
            try {
                for (int i = 1; i <= 3; i++) {
                    Thread.sleep(300);
                    progress.message("fault " + i + " injected");
                }
                Thread.sleep(500);
                progress.message("faults reported, five ticks later");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "faults");
        faults.setDaemon(true);
        faults.start();
    }
}
