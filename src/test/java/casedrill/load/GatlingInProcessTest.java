package casedrill.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import casedrill.history.DrillClock;
import casedrill.history.Event;
import casedrill.history.Outcome;
import casedrill.probe.Reconciler;
import casedrill.probe.Reconciliation;
import casedrill.probe.StoredCase;
import casedrill.probe.SurvivingPrimary;
import casedrill.probe.Tokens;
import casedrill.probe.WriteLedger;
import casedrill.probe.WriteVerdict;
import casedrill.testing.GatlingReportTotals;
import casedrill.testing.LoopbackCaseService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CaseWorkload in-process against a loopback case service: the recorder must see every request the server answered.
 * The generous request timeout keeps the counts comparable on a loaded box (a timed-out request may still be answered).
 */
class GatlingInProcessTest {
    @Test
    void recorderSeesEveryRequestAndLedgerEveryIntake(@TempDir Path results) throws Exception {
        Queue<Event> history = new ConcurrentLinkedQueue<>();
        WriteLedger ledger = new WriteLedger(history::add);
        LoadProfile profile = new LoadProfile(60, Duration.ZERO, Duration.ofSeconds(4), null, null);
        try (LoopbackCaseService service = new LoopbackCaseService()) {
            RequestRecorder recorder = new RequestRecorder(history::add, 30_000);
            LoadParameters parameters = new LoadParameters(service.base(), new Tokens("c", "o", "p"), profile,
                    Duration.ofSeconds(30), "load-test", DrillClock.system(), recorder, ledger, null, null);
            int exit = GatlingRunner.start(casedrill.loadtests.CaseWorkload.class, parameters, results,
                    "in-process test", true).get(120, TimeUnit.SECONDS);
            recorder.close();

            assertThat(exit).as("Gatling exit code").isZero();
            assertThat(service.requests()).as("requests the server answered").isGreaterThan(150);
            assertThat(recorder.recorded()).as("requests the recorder saw").isEqualTo(service.requests());
            long inSeconds = recorder.seconds().stream().mapToLong(Event.LoadSecond::count).sum();
            assertThat(inSeconds).as("per-second aggregates add up").isEqualTo(service.requests());
            assertThat(recorder.seconds()).as("every transaction succeeds against a healthy service")
                    .allSatisfy(s -> assertThat(s.outcome()).isEqualTo(Outcome.OK));
            assertThat(recorder.seconds()).extracting(Event.LoadSecond::transaction).contains("decision", "screening");
            assertThat(recorder.seconds()).anySatisfy(s -> {
                assertThat(s.transaction()).isEqualTo("intake");
                assertThat(s.outcome()).isEqualTo(Outcome.OK);
            });

            List<StoredCase> rows = service.storedKeys().stream()
                    .map(k -> new StoredCase("x", k, shaOf(ledger, k))).toList();
            Reconciliation r = Reconciler.reconcile(ledger, rows, new SurvivingPrimary(LoopbackCaseService.SYSTEM_ID, 1));
            assertThat(ledger.acknowledged()).as("every stored intake was acknowledged").hasSize(rows.size());
            assertThat(r.count(WriteVerdict.INTACT)).isEqualTo(rows.size());
            assertThat(ledger.acknowledged()).as("identity headers read from every acknowledged intake")
                    .allSatisfy(w -> {
                        assertThat(w.node()).isEqualTo("app-dc1-a");
                        assertThat(w.systemId()).isEqualTo(LoopbackCaseService.SYSTEM_ID);
                        assertThat(w.timeline()).isEqualTo(1);
                    });
        }
        try (Stream<Path> files = Files.walk(results)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("Gatling's own report stays in the run folder").contains("index.html", "simulation.log");
        }
        assertThat(Files.readString(results.resolve(GatlingRunner.CONSOLE_LOG)))
                .as("what Gatling prints goes to the run folder, not the drill's terminal").contains("---- Global Information");
    }

    /**
     * A 503 must reach the hook with its status (a failure, an intake in doubt "http 503" with the serving node),
     * not as a missing response (which would put the intake in doubt as "connection lost", without a node).
     */
    @Test
    void failedResponsesReachTheHookWithTheirStatus(@TempDir Path results) throws Exception {
        Queue<Event> history = new ConcurrentLinkedQueue<>();
        WriteLedger ledger = new WriteLedger(history::add);
        LoadProfile profile = new LoadProfile(60, Duration.ZERO, Duration.ofSeconds(4), null, null);
        try (LoopbackCaseService service = new LoopbackCaseService()) {
            service.failWhen(System.nanoTime(), t -> (t / 400) % 2 == 1);
            RequestRecorder recorder = new RequestRecorder(history::add, 30_000);
            LoadParameters parameters = new LoadParameters(service.base(), new Tokens("c", "o", "p"), profile,
                    Duration.ofSeconds(30), "load-fail", DrillClock.system(), recorder, ledger, null, null);
            int exit = GatlingRunner.start(casedrill.loadtests.CaseWorkload.class, parameters, results,
                    "in-process failure test", false).get(120, TimeUnit.SECONDS);
            recorder.close();

            assertThat(exit).as("Gatling exit code").isZero();
            assertThat(recorder.recorded()).as("requests the recorder saw").isEqualTo(service.requests());
            assertThat(recorder.seconds()).as("503s are failures, the rest succeed")
                    .anySatisfy(s -> assertThat(s.outcome()).isEqualTo(Outcome.FAILED))
                    .anySatisfy(s -> assertThat(s.outcome()).isEqualTo(Outcome.OK))
                    .noneSatisfy(s -> assertThat(s.outcome()).isEqualTo(Outcome.UNKNOWN));
            assertThat(ledger.inDoubt()).as("intakes answered 503").isNotEmpty().allSatisfy(w -> {
                assertThat(w.reason()).isEqualTo("http 503");
                assertThat(w.node()).isEqualTo("app-dc1-a");
            });
            assertThat(ledger.acknowledged().size()).as("acknowledged intakes are the stored ones")
                    .isEqualTo(service.storedKeys().size());
        }
    }

    /**
     * Gatling's own report must count a KO exactly when the recorder counts a failure, over a known mix of answers:
     * 2xx, 503s, answers held past the request timeout, and connections refused while the listener is closed (those
     * never reach the server). Both must also count the same requests: none may skip the hook.
     */
    @Test
    void gatlingsReportCountsAFailureExactlyWhenTheRecorderDoes(@TempDir Path results) throws Exception {
        Queue<Event> history = new ConcurrentLinkedQueue<>();
        LoadProfile profile = new LoadProfile(80, Duration.ZERO, Duration.ofSeconds(10), null, null);
        Duration timeout = Duration.ofMillis(500);
        try (LoopbackCaseService service = new LoopbackCaseService()) {
            RequestRecorder recorder = new RequestRecorder(history::add, timeout.toMillis());
            LoadParameters parameters = new LoadParameters(service.base(), new Tokens("c", "o", "p"), profile, timeout,
                    "load-agree", DrillClock.system(), recorder, new WriteLedger(history::add), null, null);
            CompletableFuture<Integer> run = GatlingRunner.start(casedrill.loadtests.CaseWorkload.class, parameters,
                    results, "agreement test", true);
            Duration phase = Duration.ofSeconds(20);
            await("healthy answers").atMost(phase).until(() -> service.requests() >= 40);
            service.failWhen(System.nanoTime(), t -> true);
            await("503 answers").atMost(phase).until(() -> service.unavailableAnswers() >= 30);
            service.failWhen(System.nanoTime(), t -> false);
            service.answerLateBy(2 * timeout.toMillis());
            await("answers held past the timeout").atMost(phase).until(() -> service.lateAnswers() >= 30);
            service.answerLateBy(0);
            long answeredBeforeOutage = service.requests();
            service.refuseConnections();
            Thread.sleep(600); // the outage itself: about 48 arrivals at 80/s find no listener
            service.acceptConnections();
            await("healthy answers after the outage").atMost(phase)
                    .until(() -> service.requests() >= answeredBeforeOutage + 40);
            int exit = run.get(120, TimeUnit.SECONDS);
            recorder.close();

            assertThat(exit).as("Gatling exit code").isZero();
            GatlingReportTotals gatling = GatlingReportTotals.read(results);
            long failed = recorder.seconds().stream().filter(s -> !s.outcome().ok())
                    .mapToLong(Event.LoadSecond::count).sum();
            assertThat(gatling.requests()).as("requests in Gatling's report vs requests the recorder saw")
                    .isEqualTo(recorder.recorded());
            assertThat(gatling.ko()).as("KO in Gatling's report vs failed requests the recorder counted (%s)", gatling)
                    .isEqualTo(failed);
            assertThat(recorder.seconds()).as("timeouts (unknown) and 503s or refusals (failed) both occurred")
                    .anySatisfy(s -> assertThat(s.outcome()).isEqualTo(Outcome.UNKNOWN))
                    .anySatisfy(s -> assertThat(s.outcome()).isEqualTo(Outcome.FAILED));
            assertThat(recorder.recorded() - service.requests()).as("requests that never reached the server (refused)")
                    .isPositive();
        }
    }

    private static String shaOf(WriteLedger ledger, String key) {
        return ledger.acknowledged().stream().filter(w -> w.idempotencyKey().equals(key))
                .map(Event.WriteAcked::sha256).findFirst().orElse("missing");
    }
}
