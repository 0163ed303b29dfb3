package casedrill.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import casedrill.history.DrillClock;
import casedrill.history.Event;
import casedrill.testing.LoopbackCaseService;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class IntakeProbeTest {
    @Test
    void everyAcknowledgedProbeWriteIsInTheLedgerAndReconcilesIntact() throws Exception {
        Queue<Event> history = new ConcurrentLinkedQueue<>();
        WriteLedger ledger = new WriteLedger(history::add);
        try (LoopbackCaseService service = new LoopbackCaseService()) {
            try (CanaryProbes probes = new CanaryProbes(service.base(), Duration.ofMillis(50), Duration.ofSeconds(1),
                    List.of(new IntakeProbe("probe-run1", "client-token", ledger)), DrillClock.system(), history::add)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> ledger.acknowledged().size() >= 20);
            }
            List<StoredCase> rows = service.storedKeys().stream()
                    .map(k -> new StoredCase("x", k, IntakeRequest.of("probe-run1", seqOf(k)).sha256()))
                    .toList();
            Reconciliation r = Reconciler.reconcile(ledger, rows, new SurvivingPrimary(LoopbackCaseService.SYSTEM_ID, 1));
            assertThat(r.count(WriteVerdict.INTACT)).as("acknowledged writes found intact")
                    .isEqualTo(ledger.acknowledged().size());
            assertThat(ledger.acknowledged()).allSatisfy(w -> {
                assertThat(w.systemId()).isEqualTo(LoopbackCaseService.SYSTEM_ID);
                assertThat(w.timeline()).isEqualTo(1);
                assertThat(w.caseId()).isNotBlank();
                assertThat(w.offsetMs()).isGreaterThanOrEqualTo(w.sentOffsetMs());
            });
        }
        assertThat(history).filteredOn(e -> e instanceof Event.Probe).isNotEmpty();
    }

    @Test
    void intakeBodiesAreDeterministicPerKey() {
        IntakeRequest a = IntakeRequest.of("p", 7);
        assertThat(IntakeRequest.of("p", 7).sha256()).isEqualTo(a.sha256());
        assertThat(a.idempotencyKey()).isEqualTo("p-7").matches("[A-Za-z0-9._:-]{1,100}");
        assertThat(a.sha256()).isEqualTo(IntakeRequest.sha256(a.body())).hasSize(64);
        assertThat(a.bodyText()).contains("\"applicant\"").contains("\"birthDate\":\"");
    }

    private static long seqOf(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf('-') + 1));
    }
}
