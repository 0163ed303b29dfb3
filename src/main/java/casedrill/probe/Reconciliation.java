package casedrill.probe;

import casedrill.history.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The result of reconciling the ledger: a verdict per idempotency key, against one surviving primary. */
public record Reconciliation(SurvivingPrimary primary, int acknowledged, Map<String, WriteVerdict> verdicts) {
    public Reconciliation {
        verdicts = Collections.unmodifiableMap(new java.util.TreeMap<>(verdicts));
    }

    public int count(WriteVerdict verdict) {
        return (int) verdicts.values().stream().filter(v -> v == verdict).count();
    }

    public List<String> keys(WriteVerdict verdict) {
        return verdicts.entrySet().stream().filter(e -> e.getValue() == verdict).map(Map.Entry::getKey).toList();
    }

    /** History events: one per entry that is not intact, then the summary. */
    public List<Event> toEvents(long offsetMs) {
        List<Event> events = new ArrayList<>();
        verdicts.forEach((key, verdict) -> {
            if (verdict != WriteVerdict.INTACT) {
                events.add(new Event.WriteReconciled(offsetMs, key, verdict.name()));
            }
        });
        events.add(new Event.Reconciled(offsetMs, primary.systemId(), primary.timeline(), acknowledged,
                count(WriteVerdict.INTACT), count(WriteVerdict.LOST), count(WriteVerdict.ALTERED),
                count(WriteVerdict.IN_DOUBT_PRESENT), count(WriteVerdict.IN_DOUBT_ABSENT),
                count(WriteVerdict.DUPLICATED)));
        return events;
    }
}
