package casedrill.probe;

import casedrill.history.Event;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pure comparison of the ledger with the rows found on the surviving primary (Jepsen's lost-write check:
 * acknowledged vs finally read). A key both acknowledged and in doubt (a retry) is judged as acknowledged.
 */
public final class Reconciler {
    private Reconciler() {}

    public static Reconciliation reconcile(WriteLedger ledger, List<StoredCase> rows, SurvivingPrimary primary) {
        Map<String, List<StoredCase>> byKey = rows.stream().collect(Collectors.groupingBy(StoredCase::idempotencyKey));
        Map<String, WriteVerdict> verdicts = new HashMap<>();
        Set<String> acked = new LinkedHashSet<>();
        for (Event.WriteAcked w : ledger.acknowledged()) {
            acked.add(w.idempotencyKey());
            verdicts.put(w.idempotencyKey(), judgeAcknowledged(byKey.get(w.idempotencyKey()), w.sha256()));
        }
        for (Event.WriteInDoubt w : ledger.inDoubt()) {
            if (!acked.contains(w.idempotencyKey())) {
                verdicts.put(w.idempotencyKey(), judgeInDoubt(byKey.get(w.idempotencyKey()), w.sha256()));
            }
        }
        return new Reconciliation(primary, acked.size(), verdicts);
    }

    /** Every key the ledger knows, for the reader's query. */
    public static Set<String> keys(WriteLedger ledger) {
        Set<String> keys = new LinkedHashSet<>();
        ledger.acknowledged().forEach(w -> keys.add(w.idempotencyKey()));
        ledger.inDoubt().forEach(w -> keys.add(w.idempotencyKey()));
        return keys;
    }

    private static WriteVerdict judgeAcknowledged(List<StoredCase> found, String sha256) {
        return judge(found, sha256, WriteVerdict.LOST, WriteVerdict.INTACT);
    }

    private static WriteVerdict judgeInDoubt(List<StoredCase> found, String sha256) {
        return judge(found, sha256, WriteVerdict.IN_DOUBT_ABSENT, WriteVerdict.IN_DOUBT_PRESENT);
    }

    private static WriteVerdict judge(List<StoredCase> found, String sha256, WriteVerdict absent, WriteVerdict present) {
        if (found == null || found.isEmpty()) {
            return absent;
        }
        if (found.size() > 1) {
            return WriteVerdict.DUPLICATED;
        }
        return sha256.equalsIgnoreCase(found.get(0).requestSha256()) ? present : WriteVerdict.ALTERED;
    }
}
