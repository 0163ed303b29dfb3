package casedrill.check;

import casedrill.history.Event;
import casedrill.history.History;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RPO: 0 when no acknowledged write was lost; otherwise from the earliest lost write's ack to the later of
 * T_fault and the last lost write's ack, never less than one probe interval. Duplicates also fail.
 */
public final class RecoveryPointChecker implements Checker {
    public static final String NAME = "rpo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(History history, Targets targets) {
        if (targets.rpo() == null) {
            return CheckResult.unknown(NAME, "no RPO target set");
        }
        Event.Reconciled summary = history.first(Event.Reconciled.class).orElse(null);
        if (summary == null) {
            return CheckResult.unknown(NAME, "the write ledger was not reconciled, so data loss is unknown");
        }
        List<LostWrites.LostWrite> lost = LostWrites.find(history, summary);
        String counts = "in doubt: " + summary.inDoubtPresent() + " present, " + summary.inDoubtAbsent()
                + " absent; duplicated: " + summary.duplicated();
        long rpoMs = lost.isEmpty() ? 0 : measuredMs(history, lost, targets.probeInterval().toMillis());
        long altered = lost.stream().filter(l -> l.reason().equals("altered")).count();
        Measured.Writes writes = new Measured.Writes(rpoMs / 1000.0, summary.acknowledged(), lost.size() - altered, altered,
                summary.inDoubtPresent() + summary.inDoubtAbsent(), summary.duplicated());
        if (summary.duplicated() > 0) {
            return CheckResult.fail(NAME, writes, summary.duplicated()
                    + " idempotency key(s) stored twice; " + counts);
        }
        if (lost.isEmpty()) {
            return CheckResult.pass(NAME, writes,
                    "all " + summary.acknowledged() + " acknowledged writes intact; " + counts);
        }
        String line = lost.size() + " of " + summary.acknowledged() + " acknowledged writes lost ("
                + lost.stream().limit(3).map(l -> l.write().idempotencyKey() + ": " + l.reason())
                        .collect(Collectors.joining(", "))
                + (lost.size() > 3 ? ", ..." : "") + "); " + counts;
        return CheckResult.judged(NAME, rpoMs <= targets.rpo().toMillis() && !targets.rpo().isZero(), writes, line);
    }

    static long measuredMs(History history, List<LostWrites.LostWrite> lost, long probeIntervalMs) {
        long first = lost.get(0).write().offsetMs();
        long last = lost.get(lost.size() - 1).write().offsetMs();
        long faultMs = history.first(Event.FaultInjected.class).map(Event::offsetMs).orElse(last);
        return Math.max(Math.max(faultMs, last) - first, probeIntervalMs);
    }
}
