package casedrill.probe;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.history.Event;
import casedrill.probe.IntakeAttempt.Failure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
    private static final SurvivingPrimary PRIMARY = new SurvivingPrimary("7311", 2);

    private static IntakeAttempt attempt(String key, int status, Failure failure) {
        return new IntakeAttempt(key, "sha-" + key, 100, 150, status, status == 201 ? "id-" + key : null,
                "app-dc1-a", "7311", 1, failure);
    }

    @Test
    void ledgerKeepsAcknowledgedAndInDoubtAndSkipsDefiniteRejections() {
        List<Event> history = new ArrayList<>();
        WriteLedger ledger = new WriteLedger(history::add);
        ledger.record(attempt("ok", 201, Failure.NONE));
        ledger.record(attempt("replayed", 200, Failure.NONE));
        ledger.record(attempt("timeout", 0, Failure.TIMEOUT));
        ledger.record(attempt("reset", 0, Failure.CONNECTION_LOST));
        ledger.record(attempt("gateway", 504, Failure.NONE));
        ledger.record(attempt("refused", 0, Failure.REFUSED));
        ledger.record(attempt("rejected", 422, Failure.NONE));

        assertThat(ledger.acknowledged()).extracting(Event.WriteAcked::idempotencyKey).containsExactly("ok", "replayed");
        assertThat(ledger.inDoubt()).extracting(Event.WriteInDoubt::reason)
                .containsExactly("timeout", "connection lost", "http 504");
        assertThat(history).hasSize(5);
    }

    @Test
    void comparesLedgerWithRowsFound() {
        WriteLedger ledger = new WriteLedger(e -> { });
        for (String key : List.of("intact", "lost", "altered", "twice")) {
            ledger.record(attempt(key, 201, Failure.NONE));
        }
        ledger.record(attempt("doubt-present", 0, Failure.TIMEOUT));
        ledger.record(attempt("doubt-absent", 0, Failure.TIMEOUT));
        ledger.record(attempt("retried", 0, Failure.TIMEOUT));
        ledger.record(attempt("retried", 201, Failure.NONE));
        List<StoredCase> rows = List.of(
                new StoredCase("1", "intact", "sha-intact"),
                new StoredCase("2", "altered", "sha-something-else"),
                new StoredCase("3", "twice", "sha-twice"),
                new StoredCase("4", "twice", "sha-twice"),
                new StoredCase("5", "doubt-present", "sha-doubt-present"),
                new StoredCase("6", "retried", "sha-retried"));

        Reconciliation r = Reconciler.reconcile(ledger, rows, PRIMARY);

        assertThat(r.keys(WriteVerdict.INTACT)).containsExactly("intact", "retried");
        assertThat(r.keys(WriteVerdict.LOST)).containsExactly("lost");
        assertThat(r.keys(WriteVerdict.ALTERED)).containsExactly("altered");
        assertThat(r.keys(WriteVerdict.DUPLICATED)).containsExactly("twice");
        assertThat(r.keys(WriteVerdict.IN_DOUBT_PRESENT)).containsExactly("doubt-present");
        assertThat(r.keys(WriteVerdict.IN_DOUBT_ABSENT)).containsExactly("doubt-absent");
        assertThat(r.acknowledged()).isEqualTo(5);
        assertThat(r.toEvents(9_000)).last().isEqualTo(new Event.Reconciled(9_000, "7311", 2, 5, 2, 1, 1, 1, 1, 1));
        assertThat(r.toEvents(9_000)).filteredOn(e -> e instanceof Event.WriteReconciled).hasSize(5);
    }
}
